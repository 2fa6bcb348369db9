using CspFunctions.Plans;

namespace CspFunctions.Import;

/// <summary>Which round a plan file's progress is for when the manager does not say: the plan's most recent ended quarter
/// (Q4 once its year is over; its first quarter while none has ended yet).</summary>
public static class ImportRound
{
    public static string Default(int financialYearStart, DateOnly today)
    {
        var year = new FinancialYear(financialYearStart);
        var ended = year.Quarters.Where(q => q.End < today).ToList();
        return (ended.Count > 0 ? ended[^1] : year.Quarter(1)).RoundId;
    }

    public static IReadOnlyList<string> Choices(int financialYearStart) => new FinancialYear(financialYearStart).Quarters.Select(q => q.RoundId).ToList();
}
