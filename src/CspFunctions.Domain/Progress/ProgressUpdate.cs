namespace CspFunctions.Progress;

public enum ProgressStatus { NotStarted, OnTrack, AtRisk, OffTrack, Complete, CarriedForward }

public enum Rag { Red, Amber, Green }

public enum UpdateChannel { Import, Form, Email, Manager }

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

public static class ProgressStatusNames
{
    public static string Display(this ProgressStatus status) => status switch
    {
        ProgressStatus.NotStarted => "Not started",
        ProgressStatus.OnTrack => "On track",
        ProgressStatus.AtRisk => "At risk",
        ProgressStatus.OffTrack => "Off track",
        ProgressStatus.Complete => "Complete",
        ProgressStatus.CarriedForward => "Carried forward",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>Accepts the enum name ("OnTrack") or the words users write ("On track", "on-track").</summary>
    public static bool TryParse(string? text, out ProgressStatus status)
    {
        status = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var squashed = new string(text.Where(char.IsLetter).ToArray());
        foreach (var candidate in Enum.GetValues<ProgressStatus>())
        {
            if (string.Equals(candidate.ToString(), squashed, StringComparison.OrdinalIgnoreCase))
            {
                status = candidate;
                return true;
            }
        }
        return false;
    }
}
