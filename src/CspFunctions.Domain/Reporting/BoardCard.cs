using System.Text.Json.Nodes;

namespace CspFunctions.Reporting;

/// <summary>The message a Teams Workflows webhook posts to the board's channel: an Adaptive Card with the summary figures
/// and a link to the published snapshot, wrapped in the "message with attachments" envelope Workflows expects.</summary>
public static class BoardCard
{
    public static JsonObject Build(PlanReport report, string reportUrl)
    {
        var o = report.Overall;
        var facts = new JsonArray
        {
            Fact("Updates received", $"{o.Received} of {o.Actions}"),
            Fact("Outstanding", o.Outstanding.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Fact("RAG", string.Join(", ", o.ByRag.Select(c => $"{c.Value} {c.Label}"))),
            Fact("Complete", o.ByStatus.First(c => c.Key == nameof(Progress.ProgressStatus.Complete)).Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Fact("Direction of travel", string.Join(", ", o.ByDirection.Where(c => c.Value > 0).Select(c => $"{c.Value} {c.Label.ToLowerInvariant()}"))),
        };
        foreach (var s in report.Sections)
            facts.Add(Fact(s.Title, $"{s.Summary.Received}/{s.Summary.Actions} updated; {s.Summary.RagCount(Progress.Rag.Green)} green, {s.Summary.RagCount(Progress.Rag.Amber)} amber, {s.Summary.RagCount(Progress.Rag.Red)} red"));

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = new JsonArray
            {
                new JsonObject { ["type"] = "TextBlock", ["text"] = report.PlanName, ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
                new JsonObject { ["type"] = "TextBlock", ["text"] = $"Progress report {report.RoundId} published{(report.PublishedOn is { } p ? " " + p : "")}.", ["wrap"] = true },
                new JsonObject { ["type"] = "FactSet", ["facts"] = facts },
            },
            ["actions"] = new JsonArray
            {
                new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open the report", ["url"] = reportUrl },
            },
        };
        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray
            {
                new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["contentUrl"] = null, ["content"] = card },
            },
        };
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };
}
