using System.Net;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Responses;
using CspFunctions.Tests.Infrastructure;
using CspFunctions.Tests.Responses;
using CspFunctions.Workbench;
using MimeKit;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Tests.Workbench;

/// <summary>Replies reach the log through the real inbound endpoint; the manager's decisions go through <see cref="RepliesDesk"/> on Azurite.</summary>
[Collection(StorageCollection.Name)]
public sealed class RepliesWaitingTests(StorageFixture storage)
{
    private const string Manager = "csp.manager@example.org";

    internal static async Task DeliverAsync(ResponsesWorld world, string leadId, string from, string text, string? id = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(await world.ReplyAddressForAsync(leadId)));
        message.Subject = "Re: Progress update needed";
        message.MessageId = id ?? $"{Guid.NewGuid():N}@example.org";
        message.Body = new TextPart("plain") { Text = text + "\n\n-----Original Message-----\nFrom: CSP Manager\nPlease send your progress update." };
        using var bytes = new MemoryStream();
        await message.WriteToAsync(bytes);
        var response = await world.PostRawAsync(bytes.ToArray());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<IReadOnlyList<WaitingReply>> WaitingAsync(ResponsesWorld world) =>
        (await world.Get<RepliesDesk>().ListAsync(ResponsesWorld.PlanId))!.Value.Replies;

    [Fact]
    public async Task An_unassigned_reply_is_listed_and_placed_on_two_actions_with_the_sender_as_given_by()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        await DeliverAsync(world, ResponsesWorld.Police, ResponsesWorld.PoliceEmail, "Knife crime referrals are up and the schools programme started.");

        var reply = Assert.Single(await WaitingAsync(world));
        Assert.Equal((InboundState.Unassigned, ResponsesWorld.PoliceEmail, ResponsesWorld.Police), (reply.State, reply.From, reply.LeadId));
        Assert.Equal("Knife crime referrals are up and the schools programme started.", reply.Text);
        Assert.Contains("could not be placed", reply.Reason);

        var outcome = await world.Get<RepliesDesk>().PlaceAsync(ResponsesWorld.PlanId, reply.RoundId, reply.Key,
        [
            new(9, "Knife crime referrals are up.", ProgressStatus.OnTrack, Rag.Green, 0),
            new(19, "The schools programme started.", ProgressStatus.AtRisk, Rag.Amber, 0),
        ], Manager);

        Assert.True(outcome.IsSaved, string.Join("; ", outcome.Errors.Select(e => e.Message)) + outcome.Conflict);
        var latest = await world.LatestAsync();
        Assert.Equal(("Knife crime referrals are up.", UpdateChannel.Email, ResponsesWorld.PoliceEmail), (latest[9].Text, latest[9].Channel, latest[9].GivenByEmail));
        Assert.Equal((ProgressStatus.AtRisk, Rag.Amber, "The schools programme started."), (latest[19].Status, latest[19].Rag, latest[19].Text));
        Assert.Equal("Bedfordshire Police contact", latest[19].GivenBy);
        Assert.Empty(await WaitingAsync(world));
        var recorded = (await world.Get<IWaitingReplies>().GetAsync(ResponsesWorld.PlanId, reply.RoundId, reply.Key))!;
        Assert.Equal(InboundState.Applied, recorded.State);
        var handling = Assert.Single(recorded.Handled);
        Assert.Equal((ReplyHandlingKind.Placed, Manager, "9,19"), (handling.Kind, handling.By, string.Join(",", handling.Actions)));
        // The lead's own form no longer offers the text for placing.
        var form = await world.Get<ResponseDesk>().OpenAsync(world.Token(ResponsesWorld.Police, ResponsesWorld.PoliceEmail));
        Assert.Empty(form.Context!.Unplaced);
    }

    [Fact]
    public async Task A_held_sender_is_accepted_as_a_new_contact_and_the_reply_is_applied()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        await DeliverAsync(world, ResponsesWorld.Police, "jo.deputy@example.org", "Action 9: the new knife arch is in use at the station.");

        var reply = Assert.Single(await WaitingAsync(world));
        Assert.Equal(InboundState.HeldForReview, reply.State);
        Assert.Equal("Action 9: the new knife arch is in use at the station.", reply.Text);

        var refused = await world.Get<RepliesDesk>().AcceptSenderAsync(ResponsesWorld.PlanId, reply.RoundId, reply.Key, "  ", Manager);
        Assert.Equal("contact-name", Assert.Single(refused.Errors).FieldId);
        Assert.DoesNotContain((await world.Get<IPlanStore>().GetAsync(ResponsesWorld.PlanId))!.Plan.FindLead(ResponsesWorld.Police)!.Contacts, c => c.Email == "jo.deputy@example.org");

        var outcome = await world.Get<RepliesDesk>().AcceptSenderAsync(ResponsesWorld.PlanId, reply.RoundId, reply.Key, "Jo Deputy", Manager);
        Assert.True(outcome.IsSaved, outcome.Conflict);
        var lead = (await world.Get<IPlanStore>().GetAsync(ResponsesWorld.PlanId))!.Plan.FindLead(ResponsesWorld.Police)!;
        Assert.Contains(new Contact("Jo Deputy", "jo.deputy@example.org"), lead.Contacts);
        var update = (await world.LatestAsync())[9];
        Assert.Equal(("the new knife arch is in use at the station.", "Jo Deputy", UpdateChannel.Email), (update.Text, update.GivenBy, update.Channel));
        Assert.Empty(await WaitingAsync(world));
        var change = Assert.Single(await world.Get<IPlanAudit>().ListAsync(ResponsesWorld.PlanId));
        Assert.Equal((Manager, $"Lead {ResponsesWorld.Police}"), (change.By, change.What));
        Assert.DoesNotContain("jo.deputy", change.Before);
        Assert.Contains("jo.deputy@example.org", change.After);
    }

    [Fact]
    public async Task Replies_are_newest_first_and_discard_needs_a_reason_and_forward_hands_the_text_to_the_leads_form()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        await DeliverAsync(world, ResponsesWorld.Police, "first@example.org", "First, from a stranger.");
        await DeliverAsync(world, ResponsesWorld.Police, ResponsesWorld.PoliceEmail, "Second, not numbered.");
        await DeliverAsync(world, ResponsesWorld.Police, "third@example.org", "Third, from another stranger.");
        var waiting = await WaitingAsync(world);
        Assert.Equal(["Third, from another stranger.", "Second, not numbered.", "First, from a stranger."], waiting.Select(r => r.Text));
        var desk = world.Get<RepliesDesk>();

        var noReason = await desk.DiscardAsync(ResponsesWorld.PlanId, waiting[0].RoundId, waiting[0].Key, "", Manager);
        Assert.Equal("reason", Assert.Single(noReason.Errors).FieldId);
        Assert.Equal(3, (await WaitingAsync(world)).Count);
        Assert.True((await desk.DiscardAsync(ResponsesWorld.PlanId, waiting[0].RoundId, waiting[0].Key, "Spam", Manager)).IsSaved);
        var discarded = (await world.Get<IWaitingReplies>().GetAsync(ResponsesWorld.PlanId, waiting[0].RoundId, waiting[0].Key))!;
        Assert.Equal((InboundState.Rejected, "Discarded by csp.manager@example.org: Spam"), (discarded.State, discarded.Reason));

        Assert.True((await desk.ForwardAsync(ResponsesWorld.PlanId, waiting[2].RoundId, waiting[2].Key, Manager)).IsSaved);
        Assert.Equal(["Second, not numbered."], (await WaitingAsync(world)).Select(r => r.Text));
        var form = await world.Get<ResponseDesk>().OpenAsync(world.Token(ResponsesWorld.Police, ResponsesWorld.PoliceEmail));
        Assert.Equal(["Second, not numbered.", "First, from a stranger."], form.Context!.Unplaced.OrderByDescending(m => m.ReceivedAt).Select(m => m.UnassignedText));
    }

    [Fact]
    public async Task Bad_placements_and_stale_pages_save_nothing_and_a_second_decision_is_a_conflict()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        await DeliverAsync(world, ResponsesWorld.Police, ResponsesWorld.PoliceEmail, "Patrols doubled.");
        var reply = Assert.Single(await WaitingAsync(world));
        var desk = world.Get<RepliesDesk>();

        var notTheirs = await desk.PlaceAsync(ResponsesWorld.PlanId, reply.RoundId, reply.Key,
            [new(9, "Patrols doubled.", ProgressStatus.OnTrack, Rag.Green, 0), new(5, "Not police.", ProgressStatus.OnTrack, Rag.Green, 0), new(19, " ", ProgressStatus.OnTrack, Rag.Green, 0)], Manager);
        Assert.Equal(["actions", "text-19"], notTheirs.Errors.Select(e => e.FieldId));
        Assert.Empty(await world.LatestAsync());

        // Someone answers action 9 on the form after the manager opened the page.
        await world.Get<IProgressStore>().AddAsync(new ProgressUpdate(ResponsesWorld.PlanId, ResponsesWorld.RoundId, 9, 1, ProgressStatus.Complete, Rag.Green, "Done.", "Sam Officer", ResponsesWorld.SecondPoliceEmail, DateTimeOffset.UtcNow, UpdateChannel.Form), 0);
        var stale = await desk.PlaceAsync(ResponsesWorld.PlanId, reply.RoundId, reply.Key,
            [new(19, "Patrols doubled.", ProgressStatus.OnTrack, Rag.Green, 0), new(9, "Patrols doubled.", ProgressStatus.OnTrack, Rag.Green, 0)], Manager);
        Assert.NotNull(stale.Conflict);
        Assert.Equal("Done.", Assert.IsType<ProgressUpdate>(stale.Theirs).Text);
        Assert.Equal([9], (await world.LatestAsync()).Keys);
        Assert.Single(await WaitingAsync(world));

        Assert.True((await desk.PlaceAsync(ResponsesWorld.PlanId, reply.RoundId, reply.Key, [new(19, "Patrols doubled.", ProgressStatus.OnTrack, Rag.Green, 0)], Manager)).IsSaved);
        var again = await desk.DiscardAsync(ResponsesWorld.PlanId, reply.RoundId, reply.Key, "Duplicate", "other.manager@example.org");
        Assert.NotNull(again.Conflict);
        // A decision made from a page read before the first one landed is refused by the entry's ETag.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => world.Get<IWaitingReplies>().RecordAsync(reply, InboundState.Rejected, null,
            new(ReplyHandlingKind.Discarded, "other.manager@example.org", DateTimeOffset.UtcNow, "late", []), default));
    }

    [Fact]
    public async Task The_plan_pages_count_agrees_with_the_list_forwarded_leaves_both_and_a_no_change_without_previous_waits_until_dealt_with()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var held = world.Get<CspFunctions.Reporting.IHeldReplies>();
        var desk = world.Get<RepliesDesk>();
        await DeliverAsync(world, ResponsesWorld.Police, ResponsesWorld.PoliceEmail, "Not numbered, for the lead to place.");
        var unplaced = Assert.Single(await WaitingAsync(world));
        Assert.Equal([unplaced.Id], (await held.ListAsync(ResponsesWorld.PlanId)).Select(h => h.Id));
        Assert.True((await desk.ForwardAsync(ResponsesWorld.PlanId, unplaced.RoundId, unplaced.Key, Manager)).IsSaved);
        Assert.Empty(await WaitingAsync(world));
        Assert.Empty(await held.ListAsync(ResponsesWorld.PlanId));

        // "No change" for an action with nothing before it: stored as written, so chasing stops; it waits for the manager.
        CspFunctions.Plans.FinancialQuarter.TryParseRoundId("2020-21-Q1", out var quarter);
        await world.Get<IPlanStore>().SaveRoundAsync(ReportingRound.For(ResponsesWorld.PlanId, quarter, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10)), null);
        var key = ReplyAddress.KeyFor(ResponsesWorld.ReplyKeySecret, ResponsesWorld.PlanId, "2020-21-Q1", ResponsesWorld.Housing);
        await world.Get<IReplyAddressBook>().RegisterAsync(key, ResponsesWorld.PlanId, "2020-21-Q1", ResponsesWorld.Housing);
        var text = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(StorageFixtureRoot.Path, "tests", "CspFunctions.Tests", "Responses", "Corpus", "no-change-without-previous.eml")))
            .Replace("{{REPLY}}", ReplyAddress.For(key, ResponsesWorld.InboundDomain));
        Assert.Equal(HttpStatusCode.OK, (await world.PostRawAsync(System.Text.Encoding.Latin1.GetBytes(text))).StatusCode);

        var noChange = Assert.Single(await WaitingAsync(world));
        Assert.Equal((InboundState.Applied, true, 5), (noChange.State, noChange.IsNoChangeWithoutPrevious, Assert.Single(noChange.NeedsRealUpdate)));
        Assert.Equal([noChange.Id], (await held.ListAsync(ResponsesWorld.PlanId)).Select(h => h.Id));
        Assert.Equal("forward", Assert.Single((await desk.ForwardAsync(ResponsesWorld.PlanId, noChange.RoundId, noChange.Key, Manager)).Errors).FieldId);

        Assert.True((await desk.DiscardAsync(ResponsesWorld.PlanId, noChange.RoundId, noChange.Key, "Rang Housing; they will answer on the form", Manager)).IsSaved);
        Assert.Empty(await WaitingAsync(world));
        Assert.Empty(await held.ListAsync(ResponsesWorld.PlanId));
        var recorded = (await world.Get<IWaitingReplies>().GetAsync(ResponsesWorld.PlanId, noChange.RoundId, noChange.Key))!;
        Assert.Equal(InboundState.Applied, recorded.State);
        Assert.Equal("Nothing further to add", (await world.LatestAsync("2020-21-Q1"))[5].Text);
    }

    /// <summary>(to, subject, text part, HTML part) of a mail SendGrid accepted.</summary>
    private static (string To, string Subject, string Text, string Html) Parts(System.Text.Json.JsonElement mail)
    {
        var content = mail.GetProperty("content").EnumerateArray().ToDictionary(c => c.GetProperty("type").GetString()!, c => c.GetProperty("value").GetString()!);
        var personalization = mail.GetProperty("personalizations")[0];
        var subject = personalization.TryGetProperty("subject", out var s) ? s.GetString()! : mail.GetProperty("subject").GetString()!;
        return (personalization.GetProperty("to")[0].GetProperty("email").GetString()!, subject, content["text/plain"], content["text/html"]);
    }

    /// <summary>The forwarded-reply mails SendGrid accepted (the inbound side also tells the manager about a held sender).</summary>
    private static List<(string To, string Subject, string Text, string Html)> Forwarded(ProviderStubs stubs) => stubs.AcceptedMail
        .Where(m => m.GetProperty("personalizations")[0].TryGetProperty("custom_args", out var args) && args.TryGetProperty("stage", out var stage) && stage.GetString() == "forwarded-reply")
        .Select(Parts).ToList();

    [Fact]
    public async Task Forwarding_emails_each_contact_of_the_lead_once_through_SendGrid_with_their_own_link_the_text_quoted_and_no_restricted_text()
    {
        using var stubs = new ProviderStubs();
        await using var world = await ResponsesWorld.StartAsync(storage,
            services => services.AddSingleton<CspFunctions.Messaging.IMailSender, CspFunctions.Messaging.SendGridMailSender>(),
            overrides: new Dictionary<string, string?> { ["Csp:SendGrid:ApiKey"] = "SG.test", ["Csp:SendGrid:Host"] = stubs.Url });
        var plan = (await world.Get<IPlanStore>().GetAsync(ResponsesWorld.PlanId))!.Plan;
        var secret = plan.Actions.Single(a => a.Number == 24);
        Assert.True((await world.Get<PlanEditor>().EditActionAsync(ResponsesWorld.PlanId, 24, PlanEditor.VersionOf(secret), secret with { Restricted = true }, Manager)).IsSaved);
        await DeliverAsync(world, ResponsesWorld.Police, "stranger@example.org", "The new knife arch is in use.\nSchools programme: started in May.");
        var reply = Assert.Single(await WaitingAsync(world));
        var desk = world.Get<RepliesDesk>();

        // The second contact's mail fails (SendGrid 500, through its retries): the first is sent, the reply keeps waiting.
        stubs.SendGridFaultFor = (to, n) => to == ResponsesWorld.SecondPoliceEmail && n <= 4 ? (500, null) : null;
        var failed = await desk.ForwardAsync(ResponsesWorld.PlanId, reply.RoundId, reply.Key, Manager);
        Assert.Equal("forward", Assert.Single(failed.Errors).FieldId);
        Assert.Single(await WaitingAsync(world));
        Assert.Equal([ResponsesWorld.PoliceEmail], Forwarded(stubs).Select(m => m.To));

        // Tried again (and double-clicked): the first contact is not mailed again, the second is mailed once.
        var again = await Task.WhenAll(
            desk.ForwardAsync(ResponsesWorld.PlanId, reply.RoundId, reply.Key, Manager),
            desk.ForwardAsync(ResponsesWorld.PlanId, reply.RoundId, reply.Key, Manager));
        Assert.Single(again, o => o.IsSaved);
        Assert.Empty(await WaitingAsync(world));
        Assert.True((await desk.ForwardAsync(ResponsesWorld.PlanId, reply.RoundId, reply.Key, Manager)).Conflict is not null);
        var mails = Forwarded(stubs);
        Assert.Equal([ResponsesWorld.PoliceEmail, ResponsesWorld.SecondPoliceEmail], mails.Select(m => m.To));

        var tokens = new List<string>();
        foreach (var (to, subject, text, html) in mails)
        {
            Assert.Equal("A reply about Bedfordshire Police's 2019-20 quarter 1 update needs you", subject);
            Assert.True(text.Replace("\r\n", "\n").Contains("> The new knife arch is in use.\n> Schools programme: started in May.", StringComparison.Ordinal), text);
            Assert.Contains("From stranger@example.org", text);
            Assert.Contains("The new knife arch is in use.", html);
            Assert.Contains("<blockquote", html);
            foreach (var part in new[] { text, html })
            {
                Assert.DoesNotContain(secret.Text[..40], part);
                Assert.Contains(plan.Actions.Single(a => a.Number == 9).Text[..40], part);
            }
            Assert.Contains("restricted", text);
            var link = System.Text.RegularExpressions.Regex.Match(text, @"http://localhost:7071/api/respond/(\S+)");
            Assert.True(link.Success, text);
            tokens.Add(link.Groups[1].Value);
            // Each contact's own link: it opens the form as them, with the forwarded text waiting on it.
            var form = await world.Get<ResponseDesk>().OpenAsync(link.Groups[1].Value);
            Assert.Equal(to, form.Context!.Contact.Email, ignoreCase: true);
            Assert.Contains(form.Context.Unplaced, m => m.UnassignedText!.Contains("knife arch"));
        }
        Assert.Equal(2, tokens.Distinct().Count());
        var recorded = (await world.Get<IWaitingReplies>().GetAsync(ResponsesWorld.PlanId, reply.RoundId, reply.Key))!;
        Assert.Contains(ResponsesWorld.SecondPoliceEmail, Assert.Single(recorded.Handled).Note);
    }
}
