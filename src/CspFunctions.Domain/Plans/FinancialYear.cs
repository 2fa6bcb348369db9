namespace CspFunctions.Plans;

/// <summary>A UK financial year, April to March, named like "2018-19".</summary>
public readonly record struct FinancialYear(int StartYear)
{
    public DateOnly Start => new(StartYear, 4, 1);
    public DateOnly End => new(StartYear + 1, 3, 31);
    public string Name => $"{StartYear}-{(StartYear + 1) % 100:D2}";

    public FinancialQuarter Quarter(int quarter) => new(this, quarter);

    public IEnumerable<FinancialQuarter> Quarters => Enumerable.Range(1, 4).Select(Quarter);

    public static FinancialYear Containing(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    public override string ToString() => Name;
}
