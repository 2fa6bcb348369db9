using CspFunctions.LocalHost;
using CspFunctions.LocalHost.Demo;
using CspFunctions.LocalHost.Replies;
using CspFunctions.Plans;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace CspFunctions.Tests.Trying;

/// <summary>Replies built as a lead's mail program would write them, posted as SendGrid Inbound Parse posts them, through
/// the real inbound endpoint of the local host.</summary>
[Collection(StorageCollection.Name)]
public sealed class ReplyDropFolderTests(StorageFixture storage) : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "csp-replies-" + Guid.NewGuid().ToString("N")[..8]);
    private string Outbox => Path.Combine(_root, "outbox");
    private string Drop => Path.Combine(_root, "inbox");

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private async Task<(TestHost Host, DemoRoundOutcome Demo, StoredPlan Plan)> StartAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
        var host = await TestHost.StartAsync(storage, new Dictionary<string, string?> { ["Csp:Outbox:Path"] = Outbox }, services => services.AddSingleton<TimeProvider>(clock));
        var demo = await ActivatorUtilities.CreateInstance<DemoRound>(host.Services).EnsureAsync(storage.LoadSample());
        return (host, demo, (await host.Services.GetRequiredService<IPlanStore>().GetAsync(demo.PlanId))!);
    }

    private MimeMessage ReminderTo(Lead lead) => Directory.GetFiles(Path.Combine(Outbox, "mail"), "*.eml").Select(f => MimeMessage.Load(f))
        .First(m => m.To.Mailboxes.Any(a => a.Address == lead.Contacts[0].Email));

    [Fact]
    public async Task A_reply_saved_in_the_folder_lands_in_the_lead_s_progress()
    {
        var (host, demo, stored) = await StartAsync();
        await using var _ = host;
        var lead = stored.Plan.Leads.First(l => stored.Plan.ActionsLedBy(l.Id).Count() == 1);
        var action = stored.Plan.ActionsLedBy(lead.Id).Single();
        var reply = ReplyBuilder.Build(ReminderTo(lead), new ReplyDraft("We ran four awareness sessions this quarter.", "Regards\nA. Lead"), DateTimeOffset.UtcNow);
        Directory.CreateDirectory(Drop);
        await reply.WriteToAsync(Path.Combine(Drop, "reply.eml"));
        var folder = new ReplyDropFolder(Drop, () => null, NullLogger<ReplyDropFolder>.Instance);

        var results = await folder.DeliverAllAsync(new InboundParsePoster(host.Client, host.BaseAddress, host.FunctionKey));

        var (file, result) = Assert.Single(results);
        Assert.Equal(("reply.eml", "Applied"), (file, result.State));
        Assert.True(File.Exists(Path.Combine(folder.SentFolder, "reply.eml")));
        Assert.Contains("Applied", await File.ReadAllTextAsync(Path.Combine(folder.SentFolder, "reply.txt")));
        Assert.Empty(Directory.GetFiles(Drop, "*.eml"));
        var updates = await host.Services.GetRequiredService<IProgressStore>().GetRoundAsync(demo.PlanId, demo.RoundId);
        Assert.Equal("We ran four awareness sessions this quarter.", Assert.Single(updates, u => u.ActionNumber == action.Number).Text);
    }

    [Fact]
    public async Task Files_that_are_not_replies_move_to_failed_with_the_reason_and_change_nothing()
    {
        var (host, demo, _) = await StartAsync();
        await using var _h = host;
        Directory.CreateDirectory(Drop);
        await File.WriteAllBytesAsync(Path.Combine(Drop, "binary.eml"), [0, 1, 2, 3, 255, 254]);
        var noAddress = new MimeMessage { Subject = "Update", Body = new TextPart("plain") { Text = "Done." } };
        await noAddress.WriteToAsync(Path.Combine(Drop, "no-address.eml"));
        await File.WriteAllTextAsync(Path.Combine(Drop, "notes.txt"), "not an .eml, left alone");
        var folder = new ReplyDropFolder(Drop, () => null, NullLogger<ReplyDropFolder>.Instance);

        var results = await folder.DeliverAllAsync(new InboundParsePoster(host.Client, host.BaseAddress, host.FunctionKey));

        Assert.Equal(["binary.eml", "no-address.eml"], results.Select(r => r.File));
        Assert.All(results, r => Assert.False(r.Result.Accepted));
        Assert.Contains("cannot be a reply", await File.ReadAllTextAsync(Path.Combine(folder.FailedFolder, "no-address.txt")));
        Assert.True(File.Exists(Path.Combine(folder.FailedFolder, "binary.eml")));
        Assert.True(File.Exists(Path.Combine(Drop, "notes.txt")));
        Assert.Empty(await host.Services.GetRequiredService<IProgressStore>().GetRoundAsync(demo.PlanId, demo.RoundId));
    }

    [Fact]
    public async Task A_mail_that_answers_no_reminder_is_archived_and_reported_as_rejected()
    {
        var (host, demo, _) = await StartAsync();
        await using var _h = host;
        var stranger = new MimeMessage { Subject = "Hello", Body = new TextPart("plain") { Text = "Is this the CSP?" } };
        stranger.From.Add(new MailboxAddress("Someone", "someone@example.net"));
        stranger.To.Add(new MailboxAddress("", "nobody@reply.example.org"));

        var result = await new InboundParsePoster(host.Client, host.BaseAddress, host.FunctionKey).PostAsync(stranger);

        Assert.Equal((200, "Rejected"), (result.Status, result.State));
        Assert.Contains("Not a reply to one of our reminders", result.Reason);
        Assert.Empty(await host.Services.GetRequiredService<IProgressStore>().GetRoundAsync(demo.PlanId, demo.RoundId));
    }
}
