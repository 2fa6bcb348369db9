using System.Text.Json;
using Azure.Storage.Queues;
using CspFunctions.Chasing;
using CspFunctions.Import;
using CspFunctions.LocalHost;
using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Setup;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace CspFunctions.Tests.Chasing;

/// <summary>The app's real chasing services on Azurite, SendGrid and Graph SDK clients pointed at WireMock, and a fake clock;
/// the timers and the queue function run through the local host's runners, as the Functions host would run them.</summary>
public sealed class ChasingTestBed : IAsyncDisposable
{
    public ProviderStubs Stubs { get; } = new();
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2019, 6, 28, 8, 0, 0, TimeSpan.Zero));
    public ServiceProvider Services { get; }
    public QueueClient Queue { get; }

    /// <summary>Every log entry the app writes (correlation ids, outcomes).</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    private readonly TimerRunner _sweepTimer;
    private readonly TimerRunner _digestTimer;
    private readonly QueueRunner _reminderQueue;

    public ChasingTestBed(StorageFixture storage)
    {
        Services = storage.Services(services =>
        {
            services.AddLogging(b => b.AddProvider(Logs));
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton(new GraphServiceClient(GraphTeamsNotifier.CreateHttpClient(), new AnonymousAuthenticationProvider(), Stubs.GraphBaseUrl));
            services.AddSingleton<ITeamsNotifier, GraphTeamsNotifier>();
        }, new Dictionary<string, string?> { ["Csp:SendGrid:ApiKey"] = "SG.test", ["Csp:SendGrid:Host"] = Stubs.Url });
        Queue = Services.GetRequiredService<StorageClients>().Queues.GetQueueClient(Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<QueueOptions>>().Value.Reminders);

        // The local host's runners, on the functions as functions.metadata lists them (bindings and all).
        var functions = FunctionCatalog.Load();
        var invoker = new FunctionInvoker(LocalFunctionHost.FunctionsAssembly);
        FunctionDefinition Function(string name) => functions.Single(f => f.Name == name);
        _sweepTimer = ActivatorUtilities.CreateInstance<TimerRunner>(Services, Function("ChaseSweep"), invoker);
        _digestTimer = ActivatorUtilities.CreateInstance<TimerRunner>(Services, Function("WeeklyDigest"), invoker);
        _reminderQueue = ActivatorUtilities.CreateInstance<QueueRunner>(Services, Function("SendReminder"), invoker);
    }

    /// <summary>The ChaseSweep timer fires (ChaseSweepTimer, through the local host's timer runner).</summary>
    public Task SweepAsync(bool isPastDue = false) => _sweepTimer.FireAsync(isPastDue);

    /// <summary>The WeeklyDigest timer fires.</summary>
    public Task DigestAsync(bool isPastDue = false) => _digestTimer.FireAsync(isPastDue);

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>09:00 London on the given date (BST or GMT).</summary>
    public void SetLondonMorning(DateOnly date, int hour = 9)
    {
        var local = date.ToDateTime(new TimeOnly(hour, 0));
        Clock.SetUtcNow(new DateTimeOffset(local, LondonClock.Zone.GetUtcOffset(local)));
    }

    /// <summary>The SendReminder queue function takes every waiting message, through the local host's queue runner on the
    /// queue its binding names; with <paramref name="deliverTwice"/> each message is delivered twice. Returns the messages taken.</summary>
    public Task<int> DrainAsync(bool deliverTwice = false) => _reminderQueue.DrainAsync(deliverTwice ? 2 : 1);

    public async Task<Plan> ImportAsync(PlanDocument document)
    {
        await Get<PlanImporter>().ImportAsync(document);
        return (await Get<IPlanStore>().GetAsync(document.Id!))!.Plan;
    }

    /// <summary>(recipient, stage, channel) of every accepted SendGrid and Graph call, in order.</summary>
    public IReadOnlyList<(string To, string Stage, string Channel)> Sent()
    {
        var mail = Stubs.AcceptedMail.Select(m => m.GetProperty("personalizations")[0]).Select(p =>
            (p.GetProperty("to")[0].GetProperty("email").GetString()!, p.GetProperty("custom_args").GetProperty("stage").GetString()!, "email"));
        var teams = Stubs.AcceptedTeams.SelectMany(t => t.GetProperty("recipients").EnumerateArray().Select(r =>
            (r.GetProperty("userId").GetString()!, t.GetProperty("activityType").GetString()!, "teams")));
        return mail.Concat(teams).ToList();
    }

    public static PlanDocument SmallPlan(string id) => new()
    {
        Id = id,
        Name = "Test CSP plan 2019-20",
        FinancialYearStart = 2019,
        Managers = [new() { Name = "Mo Manager", Email = "manager@example.org" }],
        Priorities = [new() { Id = "safer", Title = "Safer streets" }],
        Leads =
        [
            new() { Id = "police", Name = "Bedfordshire Police", Contacts = [new() { Name = "Pat Police", Email = "pat@example.org", TeamsUserId = "11111111-1111-1111-1111-111111111111" }] },
            new() { Id = "housing", Name = "Housing", DeputyLeadId = "council", Contacts = [new() { Name = "Hal Housing", Email = "hal@example.org" }, new() { Name = "Hana Housing", Email = "hana@example.org" }] },
            new() { Id = "council", Name = "Council", Contacts = [new() { Name = "Cy Council", Email = "cy@example.org" }] },
            new() { Id = "nobody", Name = "Team with no contacts", Contacts = [] },
        ],
        Actions =
        [
            new() { Number = 1, PriorityId = "safer", Text = "Patrol the park.", LeadIds = ["police"] },
            new() { Number = 2, PriorityId = "safer", Text = "Light the underpass <script>alert(1)</script>.", LeadIds = ["police"] },
            new() { Number = 3, PriorityId = "safer", Text = "Review tenancies.", LeadIds = ["housing"] },
            new() { Number = 4, PriorityId = "safer", Text = "Secret operation details.", LeadIds = ["council"], Restricted = true },
            new() { Number = 5, PriorityId = "safer", Text = "Unowned action.", LeadIds = [] },
            new() { Number = 6, PriorityId = "safer", Text = "Orphan team action.", LeadIds = ["nobody"] },
        ],
        Updates =
        [
            new() { RoundId = "2018-19-Q4", ActionNumber = 1, Status = "On track", Rag = "Green", Text = "Last quarter: patrols weekly.\n\n- Park A\n- Park B" },
        ],
    };

    public async ValueTask DisposeAsync()
    {
        Stubs.Dispose();
        await Services.DisposeAsync();
    }
}
