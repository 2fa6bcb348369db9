using System.Net;
using System.Text;
using System.Text.Json;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Responses;
using CspFunctions.Storage;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CspFunctions.Tests.Responses;

/// <summary>Inbound Parse on Azurite: sender authentication, "no change", overlapping and repeated deliveries, and
/// deliveries that stop half-way.</summary>
[Collection(StorageCollection.Name)]
public sealed class InboundDeliveryTests(StorageFixture storage)
{
    private sealed record Result(string Id, string State, string Reason);

    private static async Task<Result> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<Result>(body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private static async Task<byte[]> CorpusAsync(ResponsesWorld world, string name, string leadId)
    {
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(StorageFixtureRoot.Path, "tests", "CspFunctions.Tests", "Responses", "Corpus", name + ".eml")));
        return Encoding.Latin1.GetBytes(text.Replace("{{REPLY}}", await world.ReplyAddressForAsync(leadId)));
    }

    private static int Versions(IReadOnlyList<ProgressUpdate> round, int action) => round.Count(u => u.ActionNumber == action);

    private static Action<IServiceCollection> Options(Func<ResponseOptions, ResponseOptions> change) => services =>
        services.AddSingleton(sp => change(new ResponseOptions(sp.GetRequiredService<IOptions<CspFunctions.Setup.CspOptions>>().Value.PublicBaseUrl,
            sp.GetRequiredService<IOptions<CspFunctions.Setup.SendGridOptions>>().Value.InboundDomain)));

    [Fact]
    public async Task Two_overlapping_deliveries_of_one_message_apply_it_once_and_the_second_answers_503_while_the_first_runs()
    {
        var gate = new GatedProgress();
        await using var world = await ResponsesWorld.StartAsync(storage, s =>
        {
            s.AddSingleton<IProgressStore>(sp => gate.Wrap(ActivatorUtilities.CreateInstance<TableProgressStore>(sp)));
            Options(o => o with { InboundBusyWait = TimeSpan.FromSeconds(1) })(s);
        });
        gate.Armed = true;
        var message = await CorpusAsync(world, "police-official-markings-mixed-markers", ResponsesWorld.Police);

        var first = world.PostRawAsync(message);
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // SendGrid's retry arrives while the first delivery is still inside: it must not be applied, and not be lost (5xx).
        using (var second = await world.PostRawAsync(message))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        gate.Release.SetResult();
        Assert.Equal("Applied", (await ReadAsync(await first)).State);
        Assert.Equal("Duplicate", (await ReadAsync(await world.PostRawAsync(message))).State);

        var round = await world.Get<IProgressStore>().GetRoundAsync(ResponsesWorld.PlanId, ResponsesWorld.RoundId);
        Assert.Equal((1, 1, 1), (Versions(round, 9), Versions(round, 19), Versions(round, 24)));
        Assert.Single(world.Mail.To(ResponsesWorld.PoliceEmail));
        var log = await world.Get<IInboundLog>().ListAsync(ResponsesWorld.PlanId, ResponsesWorld.RoundId);
        Assert.Equal([InboundState.Applied, InboundState.Duplicate], log.Select(m => m.State).Order());
    }

    [Fact]
    public async Task A_second_delivery_that_arrives_while_the_first_runs_waits_for_it_and_is_a_duplicate()
    {
        var gate = new GatedProgress();
        await using var world = await ResponsesWorld.StartAsync(storage, s =>
        {
            s.AddSingleton<IProgressStore>(sp => gate.Wrap(ActivatorUtilities.CreateInstance<TableProgressStore>(sp)));
            Options(o => o with { InboundBusyWait = TimeSpan.FromSeconds(20) })(s);
        });
        gate.Armed = true;
        var message = await CorpusAsync(world, "outlook-desktop-signature-disclaimer", ResponsesWorld.Housing);
        var first = world.PostRawAsync(message);
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = world.PostRawAsync(message);
        await Task.Delay(500);
        gate.Release.SetResult();
        var results = new[] { await ReadAsync(await first), await ReadAsync(await second) };
        Assert.Equal(["Applied", "Duplicate"], results.Select(r => r.State));
        Assert.Equal(1, Versions(await world.Get<IProgressStore>().GetRoundAsync(ResponsesWorld.PlanId, ResponsesWorld.RoundId), 5));
        Assert.Single(world.Mail.To(ResponsesWorld.HousingEmail));
    }

    [Fact]
    public async Task A_delivery_that_stops_half_way_is_finished_by_the_retry_without_repeating_what_it_did()
    {
        var flaky = new FailOnCall(2);
        await using var world = await ResponsesWorld.StartAsync(storage, s => s.AddSingleton<IProgressStore>(sp => flaky.Wrap(ActivatorUtilities.CreateInstance<TableProgressStore>(sp))));
        flaky.Armed = true;
        var message = await CorpusAsync(world, "police-official-markings-mixed-markers", ResponsesWorld.Police);
        using (var failed = await world.PostRawAsync(message)) Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Empty(world.Mail.To(ResponsesWorld.PoliceEmail));

        Assert.Equal("Applied", (await ReadAsync(await world.PostRawAsync(message))).State);
        var round = await world.Get<IProgressStore>().GetRoundAsync(ResponsesWorld.PlanId, ResponsesWorld.RoundId);
        Assert.Equal((1, 1, 1), (Versions(round, 9), Versions(round, 19), Versions(round, 24)));
        Assert.Single(world.Mail.To(ResponsesWorld.PoliceEmail));
    }

    [Fact]
    public async Task A_contact_address_that_fails_SPF_and_DKIM_is_held_with_the_reason_and_nothing_is_applied_or_paused()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var forged = new SenderAuthentication("fail", "{@example.org : fail}", "x@evil.example");
        var update = await ReadAsync(await world.PostRawAsync(await CorpusAsync(world, "forged-dkim-other-domain", ResponsesWorld.Police), authentication: forged));
        var away = await ReadAsync(await world.PostRawAsync(await CorpusAsync(world, "forged-auto-reply", "community-safety-operations"), authentication: forged));

        Assert.Equal(("HeldForReview", "HeldForReview"), (update.State, away.State));
        Assert.Contains("not authenticated: DKIM fail for example.org; SPF fail for evil.example", update.Reason);
        Assert.Empty(await world.LatestAsync());
        Assert.Empty(await world.Get<IContactPauses>().GetPausesAsync(ResponsesWorld.PlanId));
        Assert.Empty(world.Mail.To(ResponsesWorld.PoliceEmail));
        Assert.Empty(world.Mail.To("community-safety-operations@example.org"));
        var held = world.Mail.To(ResponsesWorld.ManagerEmail);
        Assert.Equal(2, held.Count);
        Assert.All(held, m => Assert.Contains("Why: The From address", m.TextBody));

        // The manager's plan page lists both, with the reason.
        using var manager = await world.Host.ManagerAsync();
        var page = await manager.GetStringAsync($"/api/manage/plans/{ResponsesWorld.PlanId}");
        Assert.Contains("DKIM fail for example.org", WebUtility.HtmlDecode(page));
    }

    [Fact]
    public async Task Without_SendGrid_results_the_reply_is_held_and_the_reason_says_so_unless_the_trial_setting_relaxes_it()
    {
        await using (var strict = await ResponsesWorld.StartAsync(storage))
        {
            var result = await ReadAsync(await strict.PostRawAsync(await CorpusAsync(strict, "thunderbird-dashdash-signature", "neighbourhood-enforcement"), authentication: SenderAuthentication.None));
            Assert.Equal("HeldForReview", result.State);
            Assert.Contains("No SendGrid SPF or DKIM results came with this message", result.Reason);
            Assert.Empty(await strict.LatestAsync());
        }

        await using var trial = await ResponsesWorld.StartAsync(storage, Options(o => o with { RequireSenderAuthentication = false }));
        var relaxed = await ReadAsync(await trial.PostRawAsync(await CorpusAsync(trial, "thunderbird-dashdash-signature", "neighbourhood-enforcement"), authentication: SenderAuthentication.None));
        Assert.Equal("Applied", relaxed.State);
        Assert.Contains("Sender not verified", relaxed.Reason);
        Assert.Equal("Fly-tipping enforcement: 23 fixed penalty notices issued and two prosecutions in court.", (await trial.LatestAsync())[16].Text);
    }

    [Fact]
    public async Task The_trial_setting_is_read_from_configuration()
    {
        await using var host = await TestHost.StartAsync(storage, new Dictionary<string, string?> { ["Csp:SendGrid:RequireSenderAuthentication"] = "false" });
        Assert.False(host.Services.GetRequiredService<ResponseOptions>().RequireSenderAuthentication);
        await using var strict = await TestHost.StartAsync(storage);
        Assert.True(strict.Services.GetRequiredService<ResponseOptions>().RequireSenderAuthentication);
    }

    [Fact]
    public async Task No_change_by_email_carries_last_quarters_update_forward_and_the_acknowledgement_shows_what_was_stored()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var result = await ReadAsync(await world.PostRawAsync(await CorpusAsync(world, "no-change-sections", ResponsesWorld.Police)));
        Assert.Equal("Applied", result.State);
        var latest = await world.LatestAsync();
        var last = await world.LatestAsync(ResponsesWorld.LastRoundId);
        Assert.StartsWith(last[9].Text.TrimEnd() + "\n\n(Confirmed unchanged on ", latest[9].Text);
        Assert.EndsWith($"by {latest[9].GivenBy}.)", latest[9].Text);
        Assert.Equal(ResponsesWorld.PoliceEmail, latest[9].GivenByEmail);
        Assert.Equal((last[19].Status, last[19].Rag), (latest[19].Status, latest[19].Rag));
        Assert.Equal("Two further OSST operations in June; 5 arrests.", latest[24].Text);
        var ack = Assert.Single(world.Mail.To(ResponsesWorld.PoliceEmail));
        Assert.Contains(latest[9].Text, ack.TextBody);
        Assert.Contains("exactly what was stored for each action", ack.TextBody);
    }

    [Fact]
    public async Task No_change_with_nothing_to_carry_forward_is_stored_as_written_and_flagged_for_the_manager()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        // Action 9 has a 2018-19 Q4 update; put the round a year on so that nothing precedes it.
        var plans = world.Get<CspFunctions.Plans.IPlanStore>();
        CspFunctions.Plans.FinancialQuarter.TryParseRoundId("2020-21-Q1", out var quarter);
        await plans.SaveRoundAsync(CspFunctions.Plans.ReportingRound.For(ResponsesWorld.PlanId, quarter, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10)), null);
        var key = ReplyAddress.KeyFor(ResponsesWorld.ReplyKeySecret, ResponsesWorld.PlanId, "2020-21-Q1", ResponsesWorld.Housing);
        await world.Get<IReplyAddressBook>().RegisterAsync(key, ResponsesWorld.PlanId, "2020-21-Q1", ResponsesWorld.Housing);
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(StorageFixtureRoot.Path, "tests", "CspFunctions.Tests", "Responses", "Corpus", "no-change-without-previous.eml")))
            .Replace("{{REPLY}}", ReplyAddress.For(key, ResponsesWorld.InboundDomain));

        var result = await ReadAsync(await world.PostRawAsync(Encoding.Latin1.GetBytes(text)));
        Assert.Equal("Applied", result.State);
        Assert.Contains("a real update is needed", result.Reason);
        Assert.Equal("Nothing further to add", (await world.LatestAsync("2020-21-Q1"))[5].Text);
        var entry = Assert.Single(await world.Get<IInboundLog>().ListAsync(ResponsesWorld.PlanId, "2020-21-Q1"));
        Assert.Equal([5], entry.NeedsRealUpdate);
        Assert.Contains("Please send a real update", Assert.Single(world.Mail.To(ResponsesWorld.HousingEmail)).TextBody);
        Assert.Contains(await world.Get<CspFunctions.Reporting.IHeldReplies>().ListAsync(ResponsesWorld.PlanId), h => h.Id == entry.Id);
    }

    [Fact]
    public async Task The_stored_reason_is_clipped_like_the_other_fields()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var senders = string.Join(", ", Enumerable.Range(0, 200).Select(i => $"sender{i}@example.org"));
        var raw = $"From: {senders}\r\nTo: {await world.ReplyAddressForAsync(ResponsesWorld.Housing)}\r\nSubject: Re: update\r\nMessage-ID: <many-senders@example.org>\r\n\r\nDone.\r\n";
        var result = await ReadAsync(await world.PostRawAsync(Encoding.ASCII.GetBytes(raw)));
        Assert.Equal("HeldForReview", result.State);
        var entry = Assert.Single(await world.Get<IInboundLog>().ListAsync(ResponsesWorld.PlanId, ResponsesWorld.RoundId));
        Assert.Equal(CspFunctions.Plans.StorageLimits.MaxShortTextLength, entry.Reason.Length);
        Assert.StartsWith("The message names 200 senders", entry.Reason);
    }

    /// <summary>Holds the first update inside the store until released, so that a second delivery overlaps it.</summary>
    private sealed class GatedProgress
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _calls;
        /// <summary>Off while the world seeds the sample plan's updates.</summary>
        public bool Armed { get; set; }
        public IProgressStore Wrap(IProgressStore inner) => new Store(this, inner);

        private sealed class Store(GatedProgress owner, IProgressStore inner) : IProgressStore
        {
            public Task<IReadOnlyList<ProgressUpdate>> GetRoundAsync(string planId, string roundId, CancellationToken ct = default) => inner.GetRoundAsync(planId, roundId, ct);
            public async Task<ProgressUpdate> AddAsync(ProgressUpdate update, int expectedLatestVersion, CancellationToken ct = default)
            {
                if (owner.Armed && Interlocked.Increment(ref owner._calls) == 1)
                {
                    owner.Entered.SetResult();
                    await owner.Release.Task;
                }
                return await inner.AddAsync(update, expectedLatestVersion, ct);
            }
        }
    }

    /// <summary>Fails the n-th update with a storage error, once.</summary>
    private sealed class FailOnCall(int n)
    {
        private int _calls;
        private int N { get; } = n;
        public bool Armed { get; set; }
        public IProgressStore Wrap(IProgressStore inner) => new Store(this, inner);

        private sealed class Store(FailOnCall owner, IProgressStore inner) : IProgressStore
        {
            public Task<IReadOnlyList<ProgressUpdate>> GetRoundAsync(string planId, string roundId, CancellationToken ct = default) => inner.GetRoundAsync(planId, roundId, ct);
            public Task<ProgressUpdate> AddAsync(ProgressUpdate update, int expectedLatestVersion, CancellationToken ct = default) =>
                owner.Armed && Interlocked.Increment(ref owner._calls) == owner.N ? throw new Azure.RequestFailedException(500, "Table service failed") : inner.AddAsync(update, expectedLatestVersion, ct);
        }
    }
}
