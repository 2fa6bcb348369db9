using CspFunctions.Calendar;
using CspFunctions.Plans;

namespace CspFunctions.Tests.Plans;

public sealed class FinancialYearTests
{
    [Theory]
    [InlineData("2018-04-01", "2018-19-Q1")]
    [InlineData("2018-09-30", "2018-19-Q2")]
    [InlineData("2018-12-31", "2018-19-Q3")]
    [InlineData("2019-01-01", "2018-19-Q4")]
    [InlineData("2019-03-31", "2018-19-Q4")]
    [InlineData("2099-04-01", "2099-00-Q1")]
    public void Dates_fall_in_UK_financial_quarters(string date, string roundId) =>
        Assert.Equal(roundId, FinancialQuarter.Containing(DateOnly.Parse(date)).RoundId);

    [Fact]
    public void Q4_runs_January_to_March_of_the_next_calendar_year()
    {
        var q4 = new FinancialYear(2018).Quarter(4);
        Assert.Equal((new DateOnly(2019, 1, 1), new DateOnly(2019, 3, 31)), (q4.Start, q4.End));
        Assert.Equal("2018-19-Q3", q4.Previous.RoundId);
        Assert.Equal("2017-18-Q4", new FinancialYear(2018).Quarter(1).Previous.RoundId);
    }

    [Theory]
    [InlineData("2018-19-Q4", true)]
    [InlineData("2018-20-Q4", false)]
    [InlineData("2018-19-Q5", false)]
    [InlineData("2018-19Q4", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Round_ids_are_parsed_strictly(string? roundId, bool valid) =>
        Assert.Equal(valid, FinancialQuarter.TryParseRoundId(roundId, out _));

    [Fact]
    public void Working_days_skip_weekends_and_England_and_Wales_bank_holidays()
    {
        Assert.False(UkWorkingDays.IsWorkingDay(new DateOnly(2019, 4, 19))); // Good Friday
        Assert.False(UkWorkingDays.IsWorkingDay(new DateOnly(2019, 4, 22))); // Easter Monday
        Assert.False(UkWorkingDays.IsWorkingDay(new DateOnly(2019, 4, 20))); // Saturday
        Assert.True(UkWorkingDays.IsWorkingDay(new DateOnly(2019, 4, 18)));
        // 1 April 2019 (Mon) .. 18 April is 14 working days; Good Friday and Easter Monday skipped; 23 April is the 15th.
        Assert.Equal(new DateOnly(2019, 4, 23), UkWorkingDays.Add(new DateOnly(2019, 3, 31), 15));
        Assert.Equal(15, UkWorkingDays.Between(new DateOnly(2019, 3, 31), new DateOnly(2019, 4, 23)));
    }
}
