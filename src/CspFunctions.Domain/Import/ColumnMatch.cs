namespace CspFunctions.Import;

/// <summary>A column of the file (0-based index, its letter or position, its header as written) and what it was taken to mean;
/// <see cref="Meaning"/> is null for a column that is ignored.</summary>
public sealed record ColumnMatch(int Index, string Label, string Header, PlanColumn? Meaning);
