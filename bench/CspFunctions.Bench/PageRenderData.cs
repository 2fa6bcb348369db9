using CspFunctions.Chasing;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Reporting;
using CspFunctions.Responses;
using CspFunctions.Templating;
using CspFunctions.Workbench;

namespace CspFunctions.Bench;

/// <summary>The two pages the issue names, as their functions build them: the response form for a lead with 12 actions
/// (last quarter's update on each, half already saved this quarter) and the manager's round page for a 35-action plan with
/// 10 leads (reminders sent, two bounces), open, so with its steering forms and the unfiltered action list. The layouts are the ones RespondFunction and ManageRoundFunction use.</summary>
public static class PageRenderData
{
    public const string Nonce = "q2JkQm9vZ2xlc3NOb25jZQ==";
    private static readonly DateTimeOffset At = new(2024, 10, 10, 9, 30, 0, TimeSpan.Zero);

    public static (ResponseContext Context, PageLayout Layout) ResponseForm(int actions = 12)
    {
        var lead = new Lead("police", "Bedfordshire Police & Crime <Commissioner>", [new Contact("Pat Officer", "pat@example.org")]);
        var other = new Lead("housing", "Housing", [new Contact("Hal Housing", "hal@example.org")]);
        var priorities = new[] { new Priority("p1", "Reduce violence"), new Priority("p2", "Protect the vulnerable") };
        var list = Enumerable.Range(1, actions + 3).Select(n => new PlanAction(n, priorities[n % 2].Id,
            $"Action {n}: work with partners on the \"safer streets\" plan for ward {n}.\n\n- patrols at night\n- a review of cases & data",
            [n <= actions ? lead.Id : other.Id], [])).ToList();
        var plan = new Plan("bench-form", "Luton CSP business plan 2024-25", 2024, "Europe/London", "An introduction.", [new Contact("Mo Manager", "mo@example.org")], priorities, [lead, other], list);
        var round = ReportingRound.For(plan.Id, new FinancialYear(2024).Quarter(2), new DateOnly(2024, 10, 20));
        var previous = ReportingRound.For(plan.Id, new FinancialYear(2024).Quarter(1), new DateOnly(2024, 7, 20));
        var mine = list.Where(a => a.LeadIds.Contains(lead.Id)).ToList();
        var last = mine.ToDictionary(a => a.Number, a => new ProgressUpdate(plan.Id, previous.Id, a.Number, 1, ProgressStatus.OnTrack, Rag.Amber,
            $"Last quarter on {a.Number}: steady.\n\nDone so far:\n\n- three meetings\n- a \"review\" of <cases>", "Pat Officer", null, At.AddDays(-90), UpdateChannel.Form));
        var current = mine.Where(a => a.Number % 2 == 0).ToDictionary(a => a.Number, a => new ProgressUpdate(plan.Id, round.Id, a.Number, 2, ProgressStatus.Complete, Rag.Green,
            $"Finished {a.Number}.\nSigned off by the board & partners.", "Pat Officer", null, At, UpdateChannel.Form));
        var claims = new LinkClaims(LinkClaims.RespondPurpose, plan.Id, round.Id, lead.Id, "pat@example.org", At.AddDays(30).ToUnixTimeSeconds());
        var context = new ResponseContext(claims, plan, round, lead, lead.Contacts[0], mine, current, last);
        var layout = new PageLayout("Progress update") { Contact = new PageContact("Mo Manager", "mo@example.org"), PlanName = plan.Name, Nonce = Nonce };
        return (context, layout);
    }

    /// <summary>What ManageRoundFunction reads for the page (RoundOverview): the plan as stored, this and last quarter's
    /// updates, the chasing log and the contacts' problems.</summary>
    public sealed record RoundInputs(RoundView View, PlanReport Report, IReadOnlyList<LeadStatus> Status);

    public static (RoundInputs Inputs, PageLayout Layout) RoundPage(int actions = 35, int leads = 10)
    {
        var priorities = Enumerable.Range(1, 5).Select(i => new Priority($"p{i}", $"Priority {i}: keeping people safe & well")).ToList();
        var people = Enumerable.Range(1, leads).Select(i => new Lead($"l{i}", $"Lead agency {i} <partner>", [new Contact($"Contact {i}", $"c{i}@example.org")])).ToList();
        var list = Enumerable.Range(1, actions).Select(n => new PlanAction(n, priorities[(n - 1) * priorities.Count / actions].Id,
            $"Action {n}: deliver the partnership plan for area {n}.", [people[n % leads].Id], [])).ToList();
        var plan = new Plan("bench-round", "Luton CSP business plan 2024-25", 2024, "Europe/London", "An introduction.", [new Contact("Mo Manager", "mo@example.org")], priorities, people, list);
        var round = ReportingRound.For(plan.Id, new FinancialYear(2024).Quarter(2), new DateOnly(2024, 10, 20));
        var updates = list.Where(a => a.Number % 6 != 0).Select(a => new ProgressUpdate(plan.Id, round.Id, a.Number, 1, (ProgressStatus)(a.Number % 6), (Rag)(a.Number % 3),
            $"Progress on {a.Number} is steady.", "Lead", null, At, UpdateChannel.Form)).ToList();
        var chases = people.SelectMany((l, i) => Enumerable.Range(0, 1 + i % 3).Select(k => new ChaseRecord(l.Id, $"stage-{k}", "email", At.AddDays(-14 + 7 * k)))).ToList();
        var issues = new List<ContactIssue> { new("c3@example.org", "bounce", At.AddDays(-3)), new("c7@example.org", "spam report", At.AddDays(-1)) };
        var previous = ReportingRound.For(plan.Id, new FinancialYear(2024).Quarter(1), new DateOnly(2024, 7, 20));
        var lastQuarter = list.Where(a => a.Number % 4 != 0).Select(a => new ProgressUpdate(plan.Id, previous.Id, a.Number, 1, ProgressStatus.OnTrack, (Rag)((a.Number + 1) % 3),
            $"Last quarter on {a.Number}.", "Lead", null, At.AddDays(-90), UpdateChannel.Form)).ToList();
        var stored = new StoredPlan(plan, [previous, round], "\"etag-plan\"", 3, new Dictionary<string, string> { [round.Id] = "W/\"etag-round\"" });
        var view = new RoundView(stored, new ReportInputs(plan, round, updates, lastQuarter, chases, null), issues, null);
        var links = new ManagerLinks();
        var layout = links.Layout($"{plan.Name}: {round.Id}", plan, crumbs: new Crumb(plan.Name, links.Plan(plan.Id))) with { Nonce = Nonce };
        return (new RoundInputs(view, ReportBuilder.Build(view.Inputs, ReportAudience.Manager), view.Leads()), layout);
    }
}
