using CspFunctions.Calendar;
using CspFunctions.Chasing;
using CspFunctions.LocalHost;
using CspFunctions.LocalHost.Demo;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace CspFunctions.Tests.Trying;

[Collection(StorageCollection.Name)]
public sealed class DemoRoundTests(StorageFixture storage) : IDisposable
{
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), "csp-demo-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_outbox)) Directory.Delete(_outbox, recursive: true);
    }

    [Fact]
    public void The_copy_is_for_the_quarter_s_year_with_the_sample_Q4_text_as_the_quarter_before()
    {
        var sample = storage.LoadSample();
        var quarter = new FinancialQuarter(new FinancialYear(2026), 1);
        var copy = DemoRound.CopyOf(sample, quarter);

        Assert.Equal("demo-2026-27", copy.Id);
        Assert.Equal(2026, copy.FinancialYearStart);
        Assert.Contains("2026-27", copy.Name);
        Assert.DoesNotContain("2018-19", copy.Name);
        var q4 = sample.Updates!.Where(u => u.RoundId == DemoRound.SampleRoundId).ToList();
        Assert.NotEmpty(q4);
        // Q1's quarter before is the previous year's Q4.
        Assert.All(copy.Updates!, u => Assert.Equal("2025-26-Q4", u.RoundId));
        Assert.Equal(q4.Select(u => (u.ActionNumber, u.Text)), copy.Updates!.Select(u => (u.ActionNumber, u.Text)));
        Assert.Equal(sample.Actions!.Count, copy.Actions!.Count);
        Assert.Contains(copy.BoardMembers!, m => m.TeamsUserId == DemoRound.BoardChairTeamsId);
    }

    [Fact]
    public async Task First_start_opens_the_round_that_just_ended_and_every_opening_link_opens_a_form_showing_last_quarter()
    {
        // Wednesday 2 December 2026, 22:30 in London: outside the sweep's morning window, yet the opening goes at once.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 22, 30, 0, TimeSpan.Zero));
        await using var host = await TestHost.StartAsync(storage, new Dictionary<string, string?> { ["Csp:Outbox:Path"] = _outbox },
            services => services.AddSingleton<TimeProvider>(clock));
        var demo = ActivatorUtilities.CreateInstance<DemoRound>(host.Services);

        var outcome = await demo.EnsureAsync(storage.LoadSample());

        Assert.True(outcome.Created);
        Assert.Equal(("demo-2026-27", "2026-27-Q2"), (outcome.PlanId, outcome.RoundId));
        Assert.Equal(UkWorkingDays.Add(new DateOnly(2026, 12, 2), 15), outcome.DueDate);
        var stored = await host.Services.GetRequiredService<IPlanStore>().GetAsync(outcome.PlanId);
        Assert.Equal(RoundState.Open, stored!.FindRound("2026-27-Q2")!.State);
        Assert.Equal(RoundState.Closed, stored.FindRound("2026-27-Q1")!.State);
        var previous = (await host.Services.GetRequiredService<IProgressStore>().GetRoundAsync(outcome.PlanId, "2026-27-Q1")).Latest();
        Assert.Equal(outcome.PreviousUpdates, previous.Count);

        var mails = Directory.GetFiles(Path.Combine(_outbox, "mail"), "*.eml").Select(f => MimeMessage.Load(f)).ToList();
        var leadsWithActions = stored.Plan.Leads.Where(l => stored.Plan.ActionsLedBy(l.Id).Any()).ToList();
        Assert.Equal(leadsWithActions.Count, outcome.LeadsAsked);
        Assert.Equal(leadsWithActions.SelectMany(l => l.Contacts).Count(), mails.Count);
        Assert.All(mails, m => Assert.Equal("opening", m.Headers["X-Csp-stage"]));
        foreach (var mail in mails)
        {
            var link = QuarterSimulation.ResponseLinkIn(mail);
            Assert.NotNull(link);
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await host.Client.GetStringAsync(new Uri(link).PathAndQuery));
            var lead = stored.Plan.Leads.Single(l => l.Contacts.Any(c => mail.To.Mailboxes.Any(m => m.Address == c.Email)));
            var action = stored.Plan.ActionsLedBy(lead.Id).First(a => previous.ContainsKey(a.Number));
            var firstLine = previous[action.Number].Text.Split('\n')[0];
            Assert.Contains(firstLine[..Math.Min(40, firstLine.Length)], page.Body!.TextContent);
        }
    }

    [Fact]
    public async Task A_second_start_changes_and_sends_nothing()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 6, 9, 0, 0, TimeSpan.Zero));
        await using var host = await TestHost.StartAsync(storage, new Dictionary<string, string?> { ["Csp:Outbox:Path"] = _outbox },
            services => services.AddSingleton<TimeProvider>(clock));
        var demo = ActivatorUtilities.CreateInstance<DemoRound>(host.Services);
        var first = await demo.EnsureAsync(storage.LoadSample());
        var sent = Directory.GetFiles(Path.Combine(_outbox, "mail")).Length;

        var second = await demo.EnsureAsync(storage.LoadSample());

        Assert.Equal(("demo-2026-27", "2026-27-Q1"), (first.PlanId, first.RoundId));
        Assert.False(second.Created);
        Assert.Equal(first.DueDate, second.DueDate);
        Assert.Equal(sent, Directory.GetFiles(Path.Combine(_outbox, "mail")).Length);
    }
}
