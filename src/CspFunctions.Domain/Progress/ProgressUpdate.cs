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
    UpdateChannel Channel)
{
    /// <summary>For <see cref="UpdateChannel.Manager"/>: the manager who typed it in; the lead's contact is <see cref="GivenBy"/>.</summary>
    public string? RecordedBy { get; init; }
    /// <summary>For <see cref="UpdateChannel.Manager"/>: the day the lead gave it (GivenAt is when it was recorded).</summary>
    public DateOnly? GivenOn { get; init; }
    /// <summary>For <see cref="UpdateChannel.Manager"/>: how it was given ("phone", "meeting", "email", "other").</summary>
    public string? GivenHow { get; init; }
}
