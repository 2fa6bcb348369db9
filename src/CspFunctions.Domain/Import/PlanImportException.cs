namespace CspFunctions.Import;

public sealed class PlanImportException(IReadOnlyList<ImportProblem> problems)
    : Exception($"The plan was not imported: {problems.Count} problem(s). " + string.Join("; ", problems.Take(5)))
{
    public IReadOnlyList<ImportProblem> Problems { get; } = problems;
}
