namespace CspFunctions.Progress;

/// <summary>
/// One version of an action's update in a round. Updates are history: a correction is a new version,
/// the highest version counts, nothing is overwritten.
/// </summary>
public sealed record ProgressUpdate(
    string PlanId,
    string RoundId,
    int ActionNumber,
    int Version,
    ProgressStatus Status,
    Rag Rag,
    string Text,
    string GivenBy,
    string? GivenByEmail,
    DateTimeOffset GivenAt,
    UpdateChannel Channel);
