namespace CspFunctions.Plans;

/// <summary>Q1 is April to June; Q4 is January to March of the following calendar year.</summary>
public readonly record struct FinancialQuarter
{
    public FinancialQuarter(FinancialYear year, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 4);
        Year = year;
        Number = number;
    }

    public FinancialYear Year { get; }
    public int Number { get; }
    public DateOnly Start => Year.Start.AddMonths(3 * (Number - 1));
    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    /// <summary>The round id for this quarter, e.g. "2018-19-Q4".</summary>
    public string RoundId => $"{Year.Name}-Q{Number}";

    public FinancialQuarter Previous => Number == 1 ? new(new FinancialYear(Year.StartYear - 1), 4) : new(Year, Number - 1);

    public static FinancialQuarter Containing(DateOnly date)
    {
        var year = FinancialYear.Containing(date);
        var monthsIn = (date.Year - year.StartYear) * 12 + date.Month - 4;
        return new(year, monthsIn / 3 + 1);
    }

    public static bool TryParseRoundId(string? roundId, out FinancialQuarter quarter)
    {
        quarter = default;
        if (roundId is not { Length: 10 } || roundId[4] != '-' || roundId[7] != '-' || roundId[8] != 'Q') return false;
        if (!int.TryParse(roundId.AsSpan(0, 4), out var start) || !int.TryParse(roundId.AsSpan(5, 2), out var endShort)) return false;
        if ((start + 1) % 100 != endShort || start < 2000 || start > 2200) return false;
        if (roundId[9] < '1' || roundId[9] > '4') return false;
        quarter = new FinancialQuarter(new FinancialYear(start), roundId[9] - '0');
        return true;
    }

    public override string ToString() => RoundId;
}
