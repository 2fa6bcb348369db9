using System.Globalization;
using System.Text.Json;
using MimeKit;

namespace CspFunctions.LocalHost.Outbox;

/// <summary>Reads what the app and each simulation run "sent": the boxes, and each box's mail (headers only, so a run's
/// hundred mails list quickly), Teams notifications and board cards.</summary>
public sealed class OutboxReader(string appOutbox, string repoRoot)
{
    public static readonly string[] Channels = ["mail", "teams", "board"];
    private const string RunFolderPrefix = "simulation-";

    public IReadOnlyList<OutboxBox> Boxes()
    {
        var boxes = new List<OutboxBox> { new(OutboxBox.AppId, "This machine's app", appOutbox, "") };
        var runs = Path.Combine(repoRoot, ".outbox");
        if (!Directory.Exists(runs)) return boxes;
        foreach (var dir in new DirectoryInfo(runs).GetDirectories(RunFolderPrefix + "*"))
        {
            var run = dir.Name[RunFolderPrefix.Length..];
            if (!SimulationRuns.RunId().IsMatch(run)) continue;
            var described = Path.Combine(dir.FullName, QuarterSimulation.RunFile);
            var what = File.Exists(described) ? File.ReadAllText(described).Trim() : "";
            boxes.Add(new OutboxBox(run, $"Simulation run {run}{(what.Length > 0 ? ": " + what : "")}", dir.FullName, $"/{SimulationRuns.PathPrefix}/{run}"));
        }
        return boxes;
    }

    public OutboxBox? Find(string id) => Boxes().FirstOrDefault(b => b.Id == id);

    /// <summary>The full path of a message in a box, or null when the name is not a plain file name in one of its folders.</summary>
    public static string? PathOf(OutboxBox box, string channel, string file)
    {
        if (!Channels.Contains(channel) || file.Length == 0 || file.Contains("..") || file.IndexOfAny(['/', '\\']) >= 0) return null;
        var path = Path.Combine(box.Folder, channel, file);
        return File.Exists(path) ? path : null;
    }

    public IReadOnlyList<OutboxEntry> Entries(OutboxBox box)
    {
        var entries = new List<OutboxEntry>();
        foreach (var channel in Channels)
        {
            var dir = Path.Combine(box.Folder, channel);
            if (!Directory.Exists(dir)) continue;
            foreach (var file in new DirectoryInfo(dir).GetFiles(channel == "mail" ? "*.eml" : "*.json"))
                entries.Add(Read(box, channel, file));
        }
        return entries.OrderByDescending(e => e.At).ThenByDescending(e => e.File, StringComparer.Ordinal).ToList();
    }

    private static OutboxEntry Read(OutboxBox box, string channel, FileInfo file)
    {
        var at = At(file);
        try
        {
            switch (channel)
            {
                case "mail":
                    var headers = HeaderList.Load(file.FullName);
                    var to = string.Join(", ", new[] { headers[HeaderId.To], headers[HeaderId.Cc] }.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()));
                    var stage = headers["X-Csp-stage"];
                    var lead = headers["X-Csp-lead"];
                    return new OutboxEntry(box, channel, file.Name, at, string.IsNullOrWhiteSpace(stage) ? "mail" : stage.Trim(), to, (headers[HeaderId.Subject] ?? "(no subject)").Trim(),
                        string.IsNullOrWhiteSpace(lead) || string.IsNullOrWhiteSpace(headers[HeaderId.ReplyTo]) ? null : lead.Trim());
                case "teams":
                    using (var doc = JsonDocument.Parse(File.ReadAllText(file.FullName)))
                    {
                        var root = doc.RootElement;
                        var recipients = root.TryGetProperty("recipientUserIds", out var ids) && ids.ValueKind == JsonValueKind.Array
                            ? string.Join(", ", ids.EnumerateArray().Select(i => i.GetString())) : "";
                        var type = root.TryGetProperty("activityType", out var t) ? t.GetString() : null;
                        var preview = root.TryGetProperty("previewText", out var p) ? p.GetString() : null;
                        return new OutboxEntry(box, channel, file.Name, at, "teams: " + (type ?? "activity"), "Teams users " + recipients, preview ?? "Teams activity notification");
                    }
                default:
                    using (var doc = JsonDocument.Parse(File.ReadAllText(file.FullName)))
                    {
                        var title = TeamsActivityCard.CardOf(doc.RootElement) is { } card && card.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Array
                            ? string.Join(": ", body.EnumerateArray().Take(2).Where(b => b.TryGetProperty("text", out _)).Select(b => b.GetProperty("text").GetString()))
                            : "";
                        return new OutboxEntry(box, channel, file.Name, at, "board card", "the board's Teams channel", title.Length > 0 ? title : "Adaptive Card");
                    }
            }
        }
        catch (Exception e) when (e is FormatException or JsonException or IOException or InvalidOperationException)
        {
            return new OutboxEntry(box, channel, file.Name, at, channel == "board" ? "board card" : channel, "", $"(unreadable: {e.Message})");
        }
    }

    /// <summary>LocalOutbox names files by the app's clock (a run's simulated one): yyyyMMdd-HHmmss-fff-...</summary>
    private static DateTimeOffset At(FileInfo file) =>
        file.Name.Length >= 19 && DateTime.TryParseExact(file.Name[..19], "yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero);
}
