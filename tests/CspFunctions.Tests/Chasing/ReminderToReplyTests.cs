using System.Net;
using CspFunctions.Chasing;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Responses;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CspFunctions.Tests.Chasing;

/// <summary>The whole loop: a reminder goes out, the lead replies to it or opens its link, the update lands, chasing stops.</summary>
[Collection(StorageCollection.Name)]
public sealed class ReminderToReplyTests(StorageFixture storage) : IDisposable
{
    private readonly string _outbox = Directory.CreateTempSubdirectory("csp-loop-").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    private async Task<(TestHost Host, string PlanId)> StartAsync()
    {
        var host = await TestHost.StartAsync(storage, new Dictionary<string, string?> { ["Csp:Outbox:Path"] = _outbox });
        var document = ChasingTestBed.SmallPlan("loop-" + StorageFixture.NewPrefix());
        await host.Services.GetRequiredService<Import.PlanImporter>().ImportAsync(document);
        // Due far enough ahead that the link has not expired today.
        var quarter = FinancialQuarter.Containing(DateOnly.FromDateTime(DateTime.UtcNow)).Previous;
        await host.Services.GetRequiredService<IPlanStore>().SaveRoundAsync(ReportingRound.For(document.Id!, quarter, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10)), null);
        return (host, document.Id!);
    }

    [Fact]
    public async Task A_plain_reply_to_the_reminder_lands_as_the_update_and_stops_chasing()
    {
        var (host, planId) = await StartAsync();
        await using var _ = host;
        var roundId = FinancialQuarter.Containing(DateOnly.FromDateTime(DateTime.UtcNow)).Previous.RoundId;
        var sender = host.Services.GetRequiredService<ReminderSender>();
        Assert.Equal(ReminderOutcome.Sent, await sender.HandleAsync(new ReminderRequest(planId, roundId, "council", "opening", "email", "c"), "m1"));
        var reminder = MimeMessage.Load(Directory.GetFiles(Path.Combine(_outbox, "mail")).Single());

        var reply = new MimeMessage();
        reply.From.Add(new MailboxAddress("Cy Council", "cy@example.org"));
        reply.To.AddRange(reminder.ReplyTo);
        reply.Subject = "RE: " + reminder.Subject;
        reply.InReplyTo = reminder.MessageId;
        reply.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("mail.example.org");
        reply.Body = new TextPart("plain") { Text = "The operation is on track and ahead of schedule.\n\nCy\n\n-----Original Message-----\n" + reminder.TextBody };
        using var raw = new MemoryStream();
        await reply.WriteToAsync(raw);
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(raw.ToArray()), "email" }, { new StringContent(reminder.ReplyTo.Mailboxes.Single().Address), "to" },
            { new StringContent("{@example.org : pass}"), "dkim" }, { new StringContent("pass"), "SPF" },
        };
        using var response = await host.KeyClient.PostAsync("/api/inbound/sendgrid", form);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        var update = Assert.Single(await host.Services.GetRequiredService<IProgressStore>().GetRoundAsync(planId, roundId));
        Assert.Equal(4, update.ActionNumber);
        Assert.Equal(UpdateChannel.Email, update.Channel);
        Assert.StartsWith("The operation is on track and ahead of schedule.", update.Text);
        Assert.DoesNotContain("Original Message", update.Text);
        // The council owes nothing now: the next stage is not sent.
        Assert.Equal(ReminderOutcome.NotNeeded, await sender.HandleAsync(new ReminderRequest(planId, roundId, "council", "reminder", "email", "c"), "m2"));
    }

    [Fact]
    public async Task The_link_in_the_reminder_opens_the_lead_s_form()
    {
        var (host, planId) = await StartAsync();
        await using var _ = host;
        var roundId = FinancialQuarter.Containing(DateOnly.FromDateTime(DateTime.UtcNow)).Previous.RoundId;
        await host.Services.GetRequiredService<ReminderSender>().HandleAsync(new ReminderRequest(planId, roundId, "police", "opening", "email", "c"), "m1");
        var reminder = MimeMessage.Load(Directory.GetFiles(Path.Combine(_outbox, "mail")).Single());
        var link = reminder.TextBody!.Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/api/respond/"));

        using var page = await host.Client.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Patrol the park.", html);
        Assert.DoesNotContain("Review tenancies.", html); // another lead's action
    }

    // Out-of-office pauses, with the clock moved past the return date: ChasingWalkTests.
}
