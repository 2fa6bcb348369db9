using Azure.Storage.Queues.Models;
using CspFunctions.Chasing;
using CspFunctions.Observability;
using CspFunctions.Retention;
using CspFunctions.Tests.Chasing;
using CspFunctions.Tests.Infrastructure;
using CspFunctions.Tests.Responses;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Tests.Observability;

/// <summary>The counters as the functions that emit them really emit them: the tag values are the ones operators will
/// query (stage ids, inbound state names, the poison queue's name), as docs/observability.md lists them.</summary>
[Collection(StorageCollection.Name)]
public sealed class CounterEmissionTests(StorageFixture storage)
{
    private static async Task<QueueMessage[]> TakeAllAsync(ChasingTestBed bed)
    {
        await bed.Queue.CreateIfNotExistsAsync();
        var all = new List<QueueMessage>();
        for (var batch = (await bed.Queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value; batch.Length > 0; batch = (await bed.Queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value)
            all.AddRange(batch);
        return [.. all];
    }

    [Fact]
    public async Task SendReminder_counts_each_reminder_it_sends_once_tagged_with_the_stage_id_and_channel()
    {
        await using var bed = new ChasingTestBed(storage);
        using var recorder = new MeterRecorder(bed.Get<CspTelemetry>().Meter);
        var plan = await bed.ImportAsync(ChasingTestBed.SmallPlan("count-" + StorageFixture.NewPrefix()));
        var quarter = new CspFunctions.Plans.FinancialYear(2019).Quarter(1);
        var round = CspFunctions.Plans.ReportingRound.For(plan.Id, quarter, RoundOpening.DueDateFor(quarter, ChasingPolicy.Default));
        var timeline = ChaseSchedule.Timeline(round, ChasingPolicy.Default).ToDictionary(t => t.Stage.Id, t => t.Date);
        var function = ActivatorUtilities.CreateInstance<SendReminderFunction>(bed.Services);

        foreach (var stage in new[] { "opening", "overdue-1" })
        {
            bed.SetLondonMorning(timeline[stage]);
            await bed.Get<ChaseSweep>().RunAsync("counting");
            foreach (var message in await TakeAllAsync(bed))
            {
                await function.Run(message, CancellationToken.None);
                await function.Run(message, CancellationToken.None); // redelivered: already sent, not counted again
            }
        }

        // Police (email + Teams), housing and the council by email; the lead with no contacts gets nothing.
        Assert.Equal(new Dictionary<string, long> { ["opening"] = 4, ["overdue-1"] = 4 }, recorder.ByTag("reminders_sent", "stage"));
        Assert.Equal(new Dictionary<string, long> { ["email"] = 6, ["teams"] = 2 }, recorder.ByTag("reminders_sent", "channel"));
        Assert.Equal(bed.Sent().Count(s => s.Channel == "teams"), recorder.Sum("reminders_sent", t => Equals(t["channel"], "teams")));
        Assert.Equal(0, recorder.Sum("poison_messages"));
    }

    [Fact]
    public async Task SendReminder_counts_a_message_on_its_last_failed_attempt_under_its_poison_queue_name()
    {
        await using var bed = new ChasingTestBed(storage);
        using var recorder = new MeterRecorder(bed.Get<CspTelemetry>().Meter);
        var plan = await bed.ImportAsync(ChasingTestBed.SmallPlan("poison-" + StorageFixture.NewPrefix()));
        bed.SetLondonMorning(new DateOnly(2019, 7, 1));
        await bed.Get<ChaseSweep>().RunAsync("poison");
        bed.Stubs.SendGridFault = _ => (503, new Dictionary<string, string> { ["Retry-After"] = "0" }); // SendGrid stays down
        var email = (await TakeAllAsync(bed)).First(m => ReminderRequest.Parse(m.Body.ToString()).Channel == "email");
        var function = ActivatorUtilities.CreateInstance<SendReminderFunction>(bed.Services);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var delivery = QueuesModelFactory.QueueMessage(email.MessageId, email.PopReceipt, email.Body, attempt);
            await Assert.ThrowsAsync<HttpRequestException>(() => function.Run(delivery, CancellationToken.None));
            Assert.Equal(attempt < 5 ? 0 : 1, recorder.Sum("poison_messages"));
        }
        var poisonQueue = bed.Get<Microsoft.Extensions.Options.IOptions<CspFunctions.Setup.QueueOptions>>().Value.Reminders + "-poison";
        Assert.Equal(1, recorder.Sum("poison_messages", t => Equals(t["queue"], poisonQueue)));
        Assert.Equal(0, recorder.Sum("reminders_sent"));

        // A message that is not a reminder at all is counted too when the runtime gives up on it.
        var junk = QueuesModelFactory.QueueMessage("junk", "r", BinaryData.FromString("{\"not\":\"a reminder\"}"), 5);
        await Assert.ThrowsAsync<FormatException>(() => function.Run(junk, CancellationToken.None));
        Assert.Equal(2, recorder.Sum("poison_messages", t => Equals(t["queue"], poisonQueue)));
        _ = plan;
    }

    [Fact]
    public async Task Inbound_Parse_counts_replies_by_the_inbound_state_name_and_unreadable_mail_as_a_parse_failure()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        using var recorder = new MeterRecorder(world.Get<CspTelemetry>().Meter);

        async Task DeliverAsync(string fixture, string leadId, Dictionary<string, string>? extra = null)
        {
            var values = new Dictionary<string, string>(extra ?? []) { ["REPLY"] = await world.ReplyAddressForAsync(leadId) };
            using var response = await world.PostRawAsync(ResponsesWorld.Fixture(fixture, values));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        await DeliverAsync("outlook-desktop-cp1252.eml", ResponsesWorld.Housing);
        await DeliverAsync("auto-reply.eml", "community-development", new() { ["RETURN"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20).ToString("dddd d MMMM yyyy") });
        await DeliverAsync("outlook-desktop-cp1252.eml", ResponsesWorld.Housing); // the same Message-ID again
        Assert.Equal(0, recorder.Sum("parse_failures"));
        using (var notMail = await world.KeyClient.PostAsync("/api/inbound/sendgrid", new StringContent("this is not an email at all")))
            Assert.True(notMail.IsSuccessStatusCode);

        var outcomes = recorder.ByTag("replies_received", "outcome");
        Assert.Equal(1, outcomes["Applied"]);
        Assert.Equal(1, outcomes["AutoReply"]);
        Assert.Equal(1, outcomes["Duplicate"]);
        Assert.Equal(1, outcomes["Rejected"]);
        Assert.Equal(4, recorder.Sum("replies_received"));
        Assert.Equal(1, recorder.Sum("parse_failures"));
    }

    [Fact]
    public async Task The_retention_timer_counts_the_mail_it_deletes()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 30, 0, TimeSpan.Zero));
        await using var services = storage.Services(s => s.AddSingleton<TimeProvider>(clock));
        using var recorder = new MeterRecorder(services.GetRequiredService<CspTelemetry>().Meter);
        var names = services.GetRequiredService<CspFunctions.Setup.StorageNames>();
        var container = services.GetRequiredService<CspFunctions.Setup.StorageClients>().Blobs.GetBlobContainerClient(names.InboundContainer);
        await container.CreateIfNotExistsAsync();
        foreach (var name in new[] { "2024/01/02/a.eml", "2024/01/02/b.eml", "2026/11/25/c.eml" })
            await container.UploadBlobAsync(name, BinaryData.FromString("x"));

        var timer = ActivatorUtilities.CreateInstance<RetentionTimer>(services);
        await timer.Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        await timer.Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None); // nothing left to delete: no zero measurement

        Assert.Equal(2, recorder.Sum("inbound_mail_deleted"));
        Assert.Single(recorder.Measurements, m => m.Instrument == "inbound_mail_deleted");
        await container.DeleteAsync();
    }
}
