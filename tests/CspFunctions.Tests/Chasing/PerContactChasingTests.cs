using System.Text.Json;
using CspFunctions.Calendar;
using CspFunctions.Chasing;
using CspFunctions.Http;
using CspFunctions.Import;
using CspFunctions.Plans;
using CspFunctions.Responses;
using CspFunctions.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Tests.Chasing;

/// <summary>Each contact of a lead is sent, claimed and recorded on their own: their own message and link, a retry that
/// repeats only what failed, and a refusal that silences no one else. On Azurite, SendGrid and Graph as WireMock stubs.</summary>
[Collection(StorageCollection.Name)]
public sealed class PerContactChasingTests(StorageFixture storage)
{
    private const string Ann = "ann@example.org", Ben = "ben@example.org", Cal = "cal@example.org";
    private const string AnnTeams = "aaaaaaaa-0000-0000-0000-000000000001", BenTeams = "bbbbbbbb-0000-0000-0000-000000000002";
    private static readonly FinancialQuarter Q1 = new FinancialYear(2019).Quarter(1);
    private static readonly Dictionary<string, string> Retry = new() { ["Retry-After"] = "0" };

    private static PlanDocument AgencyPlan(string id) => new()
    {
        Id = id,
        Name = "Three-contact plan 2019-20",
        FinancialYearStart = 2019,
        Managers = [new() { Name = "Mo Manager", Email = "manager@example.org" }],
        Priorities = [new() { Id = "safer", Title = "Safer streets" }],
        Leads =
        [
            new()
            {
                Id = "agency", Name = "Youth Offending Service",
                Contacts =
                [
                    new() { Name = "Ann", Email = Ann, TeamsUserId = AnnTeams },
                    new() { Name = "Ben", Email = Ben, TeamsUserId = BenTeams },
                    new() { Name = "Cal", Email = Cal },
                ],
            },
        ],
        Actions = [new() { Number = 1, PriorityId = "safer", Text = "Run the diversion scheme.", LeadIds = ["agency"] }],
    };

    /// <summary>The queue function's work as the Functions runtime does it: a message that throws stays on the queue and is
    /// delivered again (here at once), up to five times.</summary>
    private static async Task<int> DrainWithRetriesAsync(ChasingTestBed bed)
    {
        var failures = 0;
        var sender = bed.Get<ReminderSender>();
        await bed.Queue.CreateIfNotExistsAsync();
        while ((await bed.Queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value is { Length: > 0 } messages)
        {
            foreach (var message in messages)
            {
                try
                {
                    await sender.HandleAsync(ReminderRequest.Parse(message.Body.ToString()), message.MessageId);
                    await bed.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
                catch (HttpRequestException) when (message.DequeueCount < 5)
                {
                    failures++;
                    await bed.Queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
                }
            }
        }
        return failures;
    }

    private static IEnumerable<(string To, string Stage)> Mail(ChasingTestBed bed) =>
        bed.Stubs.AcceptedMail.Select(m => m.GetProperty("personalizations")[0])
            .Select(p => (p.GetProperty("to")[0].GetProperty("email").GetString()!, p.GetProperty("custom_args").GetProperty("stage").GetString()!));

    /// <summary>The manager's chasing view (GET plans/{plan}/rounds/{round}/chasing) as JSON.</summary>
    private static async Task<JsonElement> ChasingViewAsync(ChasingTestBed bed, string planId, string roundId)
    {
        var function = ActivatorUtilities.CreateInstance<ChasingStatusFunction>(bed.Services);
        var result = Assert.IsType<JsonResult>(await function.Run(new DefaultHttpContext().Request, planId, roundId, CancellationToken.None));
        return JsonSerializer.SerializeToElement(result.Value, ApiJson.Options);
    }

    [Fact]
    public async Task In_Teams_each_contact_gets_their_own_activity_with_their_own_signed_link()
    {
        await using var bed = new ChasingTestBed(storage);
        var plan = await bed.ImportAsync(AgencyPlan("teams-" + StorageFixture.NewPrefix()));
        bed.SetLondonMorning(new DateOnly(2019, 7, 1));
        await bed.Get<ChaseSweep>().RunAsync("c");
        await bed.DrainAsync();

        var calls = bed.Stubs.AcceptedTeams;
        Assert.Equal(2, calls.Count);
        var signer = bed.Get<LinkSigner>();
        var byRecipient = calls.ToDictionary(c => c.GetProperty("recipients").EnumerateArray().Single().GetProperty("userId").GetString()!,
            c => c.GetProperty("topic").GetProperty("webUrl").GetString()!);
        Assert.Equal([AnnTeams, BenTeams], byRecipient.Keys.Order());
        foreach (var (userId, email) in new[] { (AnnTeams, Ann), (BenTeams, Ben) })
        {
            var token = Uri.UnescapeDataString(byRecipient[userId][(byRecipient[userId].LastIndexOf('/') + 1)..]);
            var claims = signer.Validate(token, LinkClaims.RespondPurpose);
            Assert.True(claims.IsValid);
            Assert.Equal((plan.Id, "agency", email), (claims.Claims!.PlanId, claims.Claims.LeadId, claims.Claims.ContactEmail));
        }
    }

    [Fact]
    public async Task A_transient_failure_for_one_contact_is_retried_for_that_contact_only()
    {
        await using var bed = new ChasingTestBed(storage);
        var plan = await bed.ImportAsync(AgencyPlan("retry-" + StorageFixture.NewPrefix()));
        bed.SetLondonMorning(new DateOnly(2019, 7, 1));
        bed.Stubs.SendGridFaultFor = (to, n) => to == Ben && n <= 4 ? (503, Retry) : null; // Ben's first message uses up the handler's 4 attempts
        await bed.Get<ChaseSweep>().RunAsync("c");

        Assert.Equal(1, await DrainWithRetriesAsync(bed));
        Assert.Equal([(Ann, "opening"), (Ben, "opening"), (Cal, "opening")], Mail(bed).Order());
        var records = await bed.Get<IReminderLog>().GetRoundAsync(plan.Id, "2019-20-Q1");
        Assert.All(records.Where(r => r.Contact is not null), r => Assert.Equal(ReminderState.Sent, r.State));
        Assert.Equal(ReminderState.Sent, records.Single(r => r.Contact is null && r.Channel == ReminderChannel.Email).State);
    }

    [Fact]
    public async Task A_refusal_for_one_contact_does_not_silence_the_others_and_the_manager_sees_it()
    {
        await using var bed = new ChasingTestBed(storage);
        var plan = await bed.ImportAsync(AgencyPlan("refuse-" + StorageFixture.NewPrefix()));
        bed.SetLondonMorning(new DateOnly(2019, 7, 1));
        bed.Stubs.SendGridFaultFor = (to, _) => to == Ann ? (400, null) : null; // the first contact's address is refused for good
        await bed.Get<ChaseSweep>().RunAsync("c");
        await bed.DrainAsync();

        Assert.Equal([(Ben, "opening"), (Cal, "opening")], Mail(bed).Order());
        var view = await ChasingViewAsync(bed, plan.Id, "2019-20-Q1");
        var contacts = view.GetProperty("leads")[0].GetProperty("contacts").EnumerateArray().ToDictionary(c => c.GetProperty("email").GetString()!);
        var annEmail = contacts[Ann].GetProperty("reminders").EnumerateArray().Single(r => r.GetProperty("channel").GetString() == "email");
        Assert.Equal(("Refused", "opening"), (annEmail.GetProperty("state").GetString(), annEmail.GetProperty("stageId").GetString()));
        Assert.Equal("Sent", contacts[Ben].GetProperty("reminders").EnumerateArray().Single(r => r.GetProperty("channel").GetString() == "email").GetProperty("state").GetString());
        Assert.Contains(view.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains(Ann) && w.GetString()!.Contains("refused"));
    }

    /// <summary>The whole quarter, day by day, with the timer firing twice and messages delivered again: Ann and Ben hear
    /// each stage exactly once by e-mail and in Teams although Ben's first e-mail of each stage fails; Cal's address is
    /// refused every time, which the manager's chasing view shows stage by stage.</summary>
    [Fact]
    public async Task A_lead_with_three_contacts_walks_a_quarter_each_contact_hearing_each_stage_once()
    {
        await using var bed = new ChasingTestBed(storage);
        var plan = await bed.ImportAsync(AgencyPlan("walk3-" + StorageFixture.NewPrefix()));
        var round = ReportingRound.For(plan.Id, Q1, RoundOpening.DueDateFor(Q1, ChasingPolicy.Default));
        var timeline = ChaseSchedule.Timeline(round, ChasingPolicy.Default).ToList();
        var stages = timeline.Select(t => t.Stage.Id).ToList();
        // Ben's first message of each stage fails all four of the handler's attempts; the queue's redelivery gets through.
        bed.Stubs.SendGridFaultFor = (to, n) => to == Cal ? (400, null) : to == Ben && (n - 1) % 5 < 4 && n <= 5 * stages.Count ? (503, Retry) : null;
        var failures = 0;

        for (var day = Q1.End.AddDays(-2); day <= round.DueDate.AddDays(30); day = day.AddDays(1))
        {
            bed.SetLondonMorning(day);
            await bed.Get<ChaseSweep>().RunAsync("walk");
            await bed.Get<ChaseSweep>().RunAsync("walk"); // the timer fires twice
            failures += await DrainWithRetriesAsync(bed);
        }

        // Ann and Ben: every stage once by e-mail and once in Teams, in order; Cal: nothing was accepted.
        var mail = Mail(bed).ToList();
        Assert.Equal(stages, mail.Where(m => m.To == Ann).Select(m => m.Stage));
        Assert.Equal(stages, mail.Where(m => m.To == Ben).Select(m => m.Stage));
        Assert.DoesNotContain(mail, m => m.To == Cal);
        Assert.True(failures >= stages.Count, $"Ben's first attempt of each stage should have failed ({failures} failures)");
        var teams = bed.Stubs.AcceptedTeams.Select(t => t.GetProperty("recipients").EnumerateArray().Single().GetProperty("userId").GetString()!).ToList();
        Assert.Equal(stages.Count, teams.Count(t => t == AnnTeams));
        Assert.Equal(stages.Count, teams.Count(t => t == BenTeams));
        // The escalation copies the manager once, on one contact's message.
        Assert.Single(bed.Stubs.AcceptedMail.Select(m => m.GetProperty("personalizations")[0]),
            p => p.TryGetProperty("cc", out var cc) && cc.EnumerateArray().Any(c => c.GetProperty("email").GetString() == "manager@example.org"));

        // The manager's chasing view: Ann and Ben sent at every stage, Cal refused at every stage, with the reason.
        var view = await ChasingViewAsync(bed, plan.Id, round.Id);
        var contacts = view.GetProperty("leads")[0].GetProperty("contacts").EnumerateArray().ToDictionary(c => c.GetProperty("email").GetString()!);
        foreach (var (email, state) in new[] { (Ann, "Sent"), (Ben, "Sent"), (Cal, "Refused") })
        {
            var byEmail = contacts[email].GetProperty("reminders").EnumerateArray().Where(r => r.GetProperty("channel").GetString() == "email").ToList();
            Assert.Equal(stages, byEmail.Select(r => r.GetProperty("stageId").GetString()));
            Assert.All(byEmail, r => Assert.Equal(state, r.GetProperty("state").GetString()));
        }
        Assert.All(contacts[Cal].GetProperty("reminders").EnumerateArray(), r => Assert.Contains("400", r.GetProperty("detail").GetString()));
        Assert.Contains(view.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains(Cal) && w.GetString()!.Contains("refused"));
        // The lead itself counts as chased at every stage (the report's "when chased"), once per stage and channel.
        var lead = view.GetProperty("leads")[0].GetProperty("reminders").EnumerateArray().Where(r => r.GetProperty("channel").GetString() == "email").ToList();
        Assert.Equal(stages, lead.Select(r => r.GetProperty("stageId").GetString()));
        Assert.All(lead, r => Assert.Equal("Sent", r.GetProperty("state").GetString()));
    }
}
