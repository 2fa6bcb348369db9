using CspFunctions.Plans;
using CspFunctions.Reporting;

namespace CspFunctions.LocalHost;

/// <summary>The local host's start page at /: the four journeys (a lead answering by link, a lead answering by reply, the
/// manager, the board) with the links that start each one, from the plans in storage. The function list is at
/// /admin/functions. Rendered from Templating/Templates/start.html.sbn.</summary>
public static class StartPage
{
    public sealed record RoundLink(string Plan, string Round, string Href, string Note);

    public sealed record Model(IReadOnlyList<RoundLink> Open, IReadOnlyList<RoundLink> Published, string InboxFolder, bool SignIn)
    {
        public string OpeningHref => "/outbox?kind=opening";
        public string RemindersHref => "/outbox?box=" + Outbox.OutboxBox.AppId;
        public string BoardCardsHref => "/outbox?kind=board+card";
        public string TeamsHref => "/outbox?kind=teams%3A+reportPublished";
        public string OutboxHref => "/outbox";
        public string FunctionsHref => "/admin/functions";
        public string ManagePlansHref => "/api/manage";
    }

    public sealed record FunctionRow(string Name, string What, string? Href);

    public static async Task<Model> ReadAsync(IPlanStore plans, string inboxFolder, bool signIn, CancellationToken ct)
    {
        var open = new List<RoundLink>();
        var published = new List<RoundLink>();
        foreach (var id in await plans.ListPlanIdsAsync(ct))
        {
            if (await plans.GetAsync(id, ct) is not { } stored) continue;
            foreach (var round in stored.Rounds.OrderByDescending(r => r.PeriodEnd))
            {
                var page = $"/api/manage/plans/{Uri.EscapeDataString(id)}/rounds/{Uri.EscapeDataString(round.Id)}";
                if (round.State == RoundState.Open)
                    open.Add(new RoundLink(stored.Plan.Name, round.Id, page, $"open, due {round.DueDate.ToString("ddd d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}"));
                else if (round.State == RoundState.Published)
                    published.Add(new RoundLink(stored.Plan.Name, round.Id, ReportPublisher.SnapshotUrl("", id, round.Id), "published"));
            }
        }
        return new Model(open, published, inboxFolder, signIn);
    }

    public static List<FunctionRow> Functions(IReadOnlyList<FunctionDefinition> functions) => functions.Select(f => f.Trigger switch
    {
        TriggerKind.Http when f.Methods.Contains("GET") && !f.Route!.Contains('{') => new FunctionRow(f.Name, $"GET /api/{f.Route}", $"/api/{f.Route}"),
        TriggerKind.Http => new FunctionRow(f.Name, $"{string.Join(", ", f.Methods)} /api/{f.Route}", null),
        TriggerKind.Timer => new FunctionRow(f.Name, $"timer {f.Schedule} (UTC)", null),
        TriggerKind.Queue => new FunctionRow(f.Name, $"queue {f.QueueName}", null),
        _ => new FunctionRow(f.Name, "", null),
    }).ToList();
}
