namespace CspFunctions.Progress;

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
        ProgressStatus.NotGiven => "Status not given",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Display(this Rag rag) => rag == Rag.NotGiven ? "RAG not given" : rag.ToString();

    /// <summary>The statuses a lead can choose (not "not given", which only an imported file can carry).</summary>
    public static IEnumerable<ProgressStatus> Choosable => Enum.GetValues<ProgressStatus>().Where(s => s != ProgressStatus.NotGiven);

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
