using System.Reflection;
using System.Text.Json;
using CspFunctions.Chasing;
using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Reporting;
using CspFunctions.Responses;
using CspFunctions.Workbench;

namespace CspFunctions.Tests.Chasing;

/// <summary>A restricted action's text, its update and its last update never leave the system in a message: every
/// factory of an outgoing e-mail or Teams notification is called with a restricted action in play, and the test fails
/// when a new factory appears that it does not call.</summary>
public sealed class RestrictedTextTests
{
    private const string ActionMark = "RESTRICTED-ACTION-TEXT-7f3a";
    private const string UpdateMark = "RESTRICTED-UPDATE-TEXT-9c1e";
    private const string LastMark = "RESTRICTED-LAST-UPDATE-2b8d";

    private static readonly Contact Pat = new("Pat Police", "pat@example.org", "11111111-1111-1111-1111-111111111111");
    private static readonly Lead Police = new("police", "Bedfordshire Police", [Pat]);
    private static readonly Plan Plan = new("p", "Test plan", 2019, "Europe/London", null, [new Contact("Mo Manager", "mo@example.org")],
        [new Priority("safer", "Safer streets")], [Police],
        [
            new PlanAction(1, "safer", "Patrol the park.", ["police"], []),
            new PlanAction(4, "safer", ActionMark, ["police"], [], Restricted: true),
        ]);
    private static readonly ReportingRound Round = ReportingRound.For("p", new FinancialYear(2019).Quarter(1), new DateOnly(2019, 7, 19));

    private static ProgressUpdate Update(int action, string text, string round = "2019-20-Q1") =>
        new("p", round, action, 1, ProgressStatus.OnTrack, Rag.Green, text, "Pat Police", Pat.Email, DateTimeOffset.UnixEpoch, UpdateChannel.Email);

    private static ResponseContext Context() => new(
        new LinkClaims(LinkClaims.RespondPurpose, "p", Round.Id, "police", Pat.Email, 0), Plan, Round, Police, Pat, Plan.Actions,
        new Dictionary<int, ProgressUpdate> { [4] = Update(4, UpdateMark) },
        new Dictionary<int, ProgressUpdate> { [4] = Update(4, LastMark, "2018-19-Q4"), [1] = Update(1, "Patrols weekly.", "2018-19-Q4") });

    private static IEnumerable<(string Factory, object Message)> EveryMessage()
    {
        var captured = new[] { Update(1, "Two more patrols."), Update(4, UpdateMark) };
        var chase = new LeadChase("police", ChaseStageKey.Escalation, [1, 4], [Pat], [Plan.Managers[0]]);
        var last = new Dictionary<int, ProgressUpdate> { [4] = Update(4, LastMark, "2018-19-Q4"), [1] = Update(1, "Patrols weekly.", "2018-19-Q4") };
        yield return ("ResponseMail.Confirmation", ResponseMail.Confirmation(Context(), captured, "https://csp.example.org/api/respond/t", "through your progress form"));
        yield return ("ResponseMail.Acknowledgement", ResponseMail.Acknowledgement(Context(), captured, "", ["photo.jpg"], "https://csp.example.org/api/respond/t"));
        yield return ("ResponseMail.FreshLink", ResponseMail.FreshLink(Pat, Plan, Round, "https://csp.example.org/api/respond/t", DateTimeOffset.UnixEpoch));
        yield return ("ResponseMail.HeldForReview", ResponseMail.HeldForReview(Plan.Managers[0], Plan, Police.Name, "someone@example.net", "Re: your update", "2019/07/01/x.eml", "the sender is not a contact of the lead"));
        yield return ("ResponseMail.Away", ResponseMail.Away(new MailAddressee("Mo", "mo@example.org"), Plan, Police, Pat, new DateOnly(2019, 7, 10)));
        yield return ("ResponseMail.Refused", ResponseMail.Refused(Pat.Email, "Re: your update", "The round has closed, so your reply was not added."));
        foreach (var stage in new[] { ChaseStageKey.Opening, ChaseStageKey.Reminder, ChaseStageKey.DueDay, ChaseStageKey.Overdue(1), ChaseStageKey.Escalation })
        {
            yield return ("ReminderComposer.Reminder", ReminderComposer.Reminder(Plan, Round, Police, chase with { Stage = stage }, Pat, [Plan.Managers[0]], last, "2018-19 quarter 4",
                "https://csp.example.org/api/respond/t", "reply+k@reply.example.org", "m@reply.example.org"));
            yield return ("ReminderComposer.Teams", ReminderComposer.Teams(Plan, Round, Police, stage, Pat, "https://csp.example.org/api/respond/t"));
        }
        var digest = new ManagerDigest("p", Round.Id, new DateOnly(2019, 7, 8), Round.DueDate, 2, 1, [new OutstandingLead("police", Police.Name, [1, 4])],
            [new ChaseWarning("police", "contact x has an invalid email address", 4)], Plan.Managers);
        yield return ("ReminderComposer.Digest", ReminderComposer.Digest(Plan, Round, digest, Plan.Managers[0]));
        var waiting = new WaitingReply("p", Round.Id, "k", "m1", DateTimeOffset.UnixEpoch, "someone@example.net", "Re: your update", "police",
            InboundState.HeldForReview, "the sender is not a contact of the lead", "Patrols went well this quarter.", "2019/07/01/x.eml", "*");
        yield return ("ForwardedReplyMail.Compose", ForwardedReplyMail.Compose(Plan, Round, Police, waiting, Pat, "Mo Manager",
            "https://csp.example.org/api/respond/t", "reply+k@reply.example.org"));
    }

    [Fact]
    public void No_outgoing_message_carries_a_restricted_actions_text_or_updates()
    {
        var messages = EveryMessage().ToList();
        foreach (var (factory, message) in messages)
        {
            var everything = JsonSerializer.Serialize(message, message.GetType());
            foreach (var mark in new[] { ActionMark, UpdateMark, LastMark })
                Assert.False(everything.Contains(mark, StringComparison.Ordinal), $"{factory} carries {mark}");
        }

        // The lead is still told what happened to the restricted action, without its text.
        var confirmation = (OutgoingMail)messages.First(m => m.Factory == "ResponseMail.Confirmation").Message;
        Assert.Contains("Action 4 (restricted): saved", confirmation.TextBody);
        Assert.Contains("Action 4 (restricted): saved", confirmation.HtmlBody);
        Assert.Contains("Two more patrols.", confirmation.TextBody);
        var acknowledgement = (OutgoingMail)messages.First(m => m.Factory == "ResponseMail.Acknowledgement").Message;
        Assert.Contains("Action 4 (restricted): saved", acknowledgement.TextBody);
        // A forwarded reply still lists the restricted action, by its reference only.
        var forwarded = (OutgoingMail)messages.First(m => m.Factory == "ForwardedReplyMail.Compose").Message;
        Assert.Contains("Patrols went well this quarter.", forwarded.TextBody);
        Assert.Contains("Patrol the park.", forwarded.TextBody);
        // An unrestricted action's last update is still shown beside it in reminders, as designed.
        Assert.Contains("Patrols weekly.", ((OutgoingMail)messages.First(m => m.Factory == "ReminderComposer.Reminder").Message).TextBody);
    }

    [Fact]
    public void Every_factory_of_an_outgoing_message_is_covered()
    {
        var factories = typeof(ResponseMail).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(OutgoingMail) || m.ReturnType == typeof(TeamsActivity))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToHashSet();
        Assert.Equal(factories.Order(), EveryMessage().Select(m => m.Factory).Distinct().Order());
    }
}
