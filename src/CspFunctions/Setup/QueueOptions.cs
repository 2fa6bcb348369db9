namespace CspFunctions.Setup;

/// <summary>Section "Csp:Queues": the Storage queues, by name. The queue triggers bind to these settings
/// (<see cref="RemindersBinding"/>), and the code that enqueues reads the same settings, so the two cannot drift apart.</summary>
public sealed class QueueOptions
{
    public const string Section = "Csp:Queues";
    public const string RemindersBinding = "%" + Settings.RemindersQueue + "%";
    public const string BoardNoticesBinding = "%" + Settings.BoardNoticesQueue + "%";

    public string Reminders { get; set; } = "";
    public string BoardNotices { get; set; } = "";

    /// <summary>Where the runtime parks a message that failed maxDequeueCount times.</summary>
    public static string Poison(string queue) => queue + "-poison";

    /// <summary>Storage queue names: 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.</summary>
    public static bool IsValidName(string? name) =>
        name is { Length: >= 3 and <= 63 } && char.IsAsciiLetterOrDigit(name[0]) && char.IsAsciiLetterOrDigit(name[^1])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') && !name.Contains("--", StringComparison.Ordinal);
}
