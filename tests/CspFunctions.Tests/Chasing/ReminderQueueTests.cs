using Azure.Storage.Queues;
using CspFunctions.Chasing;
using CspFunctions.Plans;
using CspFunctions.Setup;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Tests.Chasing;

/// <summary>The SendReminder queue function run by the local host's queue runner, as the Functions runtime would.</summary>
[Collection(StorageCollection.Name)]
public sealed class ReminderQueueTests(StorageFixture storage) : IDisposable
{
    private readonly string _outbox = Directory.CreateTempSubdirectory("csp-queue-").FullName;

    public void Dispose() => Directory.Delete(_outbox, recursive: true);

    /// <summary>The host runs with a table prefix other than "csp": the sweep's queue and the trigger's queue are the same setting.</summary>
    [Fact]
    public async Task A_queued_reminder_is_sent_once_and_a_bad_message_is_parked_in_the_poison_queue()
    {
        await using var host = await TestHost.StartAsync(storage, new Dictionary<string, string?> { ["Csp:Outbox:Path"] = _outbox }, runQueues: true);
        var document = ChasingTestBed.SmallPlan("queue-" + StorageFixture.NewPrefix());
        await host.Services.GetRequiredService<Import.PlanImporter>().ImportAsync(document);
        await host.Services.GetRequiredService<IPlanStore>().SaveRoundAsync(ReportingRound.For(document.Id!, new FinancialYear(2019).Quarter(1), new DateOnly(2019, 7, 19)), null);

        var clients = host.Services.GetRequiredService<StorageClients>();
        var queueName = host.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Csp:Queues:Reminders"]!;
        Assert.DoesNotContain("csp", queueName);
        var queue = clients.Queues.GetQueueClient(queueName);
        var poison = clients.Queues.GetQueueClient(queueName + "-poison");
        await queue.CreateIfNotExistsAsync();
        await poison.CreateIfNotExistsAsync();
        var poisonBefore = (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        var request = new ReminderRequest(document.Id!, "2019-20-Q1", "council", "opening", "email", "corr-123");
        // Enqueued as the sweep does, twice (a second sweep enqueued the same reminder).
        await host.Services.GetRequiredService<IReminderQueue>().EnqueueAsync([request, request]);
        var bad = "{\"this is\": \"not a reminder\"} " + Guid.NewGuid();
        await queue.SendMessageAsync(bad);

        var log = host.Services.GetRequiredService<IReminderLog>();
        await WaitUntil(async () => (await log.GetRoundAsync(document.Id!, "2019-20-Q1")).Any(r => r.State == ReminderState.Sent));
        await WaitUntil(async () => (await poison.PeekMessagesAsync(32)).Value.Any(m => m.Body.ToString() == bad), seconds: 60);
        await Task.Delay(1000); // give the duplicate message time to be handled

        Assert.Single(Directory.GetFiles(Path.Combine(_outbox, "mail"), "*.eml")); // the council has one contact: one email, not two
        Assert.True((await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount > poisonBefore);
    }

    private static async Task WaitUntil(Func<Task<bool>> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the queue runner did not get there in time");
            await Task.Delay(200);
        }
    }
}
