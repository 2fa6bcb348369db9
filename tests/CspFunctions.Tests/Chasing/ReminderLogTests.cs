using CspFunctions.Chasing;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CspFunctions.Tests.Chasing;

[Collection(StorageCollection.Name)]
public sealed class ReminderLogTests(StorageFixture storage)
{
    private const string Key = "police|opening|email";

    private (ServiceProvider Services, IReminderLog Log, FakeTimeProvider Clock) Create()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2019, 7, 1, 8, 0, 0, TimeSpan.Zero));
        var services = storage.Services(s => s.AddSingleton<TimeProvider>(clock));
        return (services, services.GetRequiredService<IReminderLog>(), clock);
    }

    [Fact]
    public async Task Of_two_messages_racing_for_one_reminder_exactly_one_claims_it()
    {
        var (services, log, _) = Create();
        await using var _s = services;
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => log.ClaimAsync("p", "r", Key, "message-" + i)));
        Assert.Single(outcomes, ClaimOutcome.Claimed);
        Assert.All(outcomes.Where(o => o != ClaimOutcome.Claimed), o => Assert.Equal(ClaimOutcome.HeldByAnother, o));
    }

    [Fact]
    public async Task A_sent_reminder_is_done_for_everyone_including_its_own_message()
    {
        var (services, log, _) = Create();
        await using var _s = services;
        Assert.Equal(ClaimOutcome.Claimed, await log.ClaimAsync("p", "r", Key, "m1"));
        await log.MarkAsync("p", "r", Key, ReminderState.Sent, null);
        Assert.Equal(ClaimOutcome.Done, await log.ClaimAsync("p", "r", Key, "m1"));
        Assert.Equal(ClaimOutcome.Done, await log.ClaimAsync("p", "r", Key, "m2"));
        Assert.Contains(Key, await log.SettledKeysAsync("p", "r"));
    }

    [Fact]
    public async Task A_crash_between_claim_and_send_is_finished_by_the_redelivered_message_not_by_a_duplicate()
    {
        var (services, log, clock) = Create();
        await using var _s = services;
        Assert.Equal(ClaimOutcome.Claimed, await log.ClaimAsync("p", "r", Key, "m1"));
        // ...the instance dies here, before sending...
        Assert.Equal(ClaimOutcome.HeldByAnother, await log.ClaimAsync("p", "r", Key, "m2")); // a duplicate from a second sweep
        Assert.Equal(ClaimOutcome.Claimed, await log.ClaimAsync("p", "r", Key, "m1"));      // the runtime redelivers m1
        // A claim stuck for longer than any live send (m1 lost for good) may be taken over by anyone.
        clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(ClaimOutcome.Claimed, await log.ClaimAsync("p", "r", Key, "m3"));
    }

    [Fact]
    public async Task A_failed_send_can_be_taken_over_and_is_not_settled()
    {
        var (services, log, _) = Create();
        await using var _s = services;
        await log.ClaimAsync("p", "r", Key, "m1");
        await log.MarkAsync("p", "r", Key, ReminderState.Failed, "HttpRequestException: 503");
        Assert.DoesNotContain(Key, await log.SettledKeysAsync("p", "r"));
        Assert.Equal(ClaimOutcome.Claimed, await log.ClaimAsync("p", "r", Key, "m2"));
    }

    [Fact]
    public async Task Skipped_never_overwrites_a_sent_reminder()
    {
        var (services, log, _) = Create();
        await using var _s = services;
        await log.ClaimAsync("p", "r", Key, "m1");
        await log.MarkAsync("p", "r", Key, ReminderState.Sent, null);
        await log.MarkAsync("p", "r", Key, ReminderState.Skipped, "answered");
        Assert.Equal(ReminderState.Sent, Assert.Single(await log.GetRoundAsync("p", "r")).State);
    }
}
