using System.Text.Json;
using CspFunctions.Import;
using CspFunctions.Messaging;
using CspFunctions.Reporting;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Tests.Trying;

/// <summary>Locally (an outbox folder, no board webhook) the board's card goes to the outbox as the webhook would get it.</summary>
[Collection(StorageCollection.Name)]
public sealed class BoardCardOutboxTests(StorageFixture storage) : IDisposable
{
    private readonly string _outbox = Path.Combine(Path.GetTempPath(), "csp-board-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_outbox)) Directory.Delete(_outbox, recursive: true);
    }

    [Fact]
    public async Task Publishing_locally_writes_the_board_s_adaptive_card_to_the_outbox()
    {
        await using var services = storage.Services(overrides: new Dictionary<string, string?> { ["Csp:Outbox:Path"] = _outbox });
        await services.GetRequiredService<PlanImporter>().ImportAsync(storage.LoadSample());

        var publisher = services.GetRequiredService<ReportPublisher>();
        var outcome = await publisher.PublishAsync("luton-2018-19", "2018-19-Q4", "Test manager", "http://localhost:7071");
        Assert.Equal(NoticeState.Pending, outcome.Publication.BoardNotice);
        // What the board-notices queue function does with the message publishing wrote.
        var sent = await publisher.SendNoticesAsync("luton-2018-19", "2018-19-Q4", "http://localhost:7071", "message-1");

        Assert.Equal(NoticeState.Sent, sent.BoardNotice);
        var card = Assert.Single(Directory.GetFiles(Path.Combine(_outbox, "board"), "*.json"));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(card));
        Assert.Equal(outcome.Publication.CardJson, await File.ReadAllTextAsync(card));
        Assert.Contains("AdaptiveCard", json.RootElement.GetRawText());
    }

    [Fact]
    public async Task Without_an_outbox_folder_the_board_channel_stays_the_webhook_and_is_not_configured()
    {
        await using var services = storage.Services();
        var board = services.GetRequiredService<IBoardChannel>();
        Assert.IsType<BoardWebhookChannel>(board);
        Assert.False(board.IsConfigured);
    }

    [Fact]
    public async Task With_the_webhook_an_unresolved_key_vault_reference_the_board_is_not_configured_even_with_an_outbox_folder()
    {
        await using var services = storage.Services(overrides: new Dictionary<string, string?>
        {
            ["Csp:Outbox:Path"] = _outbox,
            ["Csp:Board:WorkflowWebhookUrl"] = "@Microsoft.KeyVault(VaultName=kv-csp;SecretName=csp-board-workflowwebhookurl)",
        });
        var board = services.GetRequiredService<IBoardChannel>();
        Assert.IsType<BoardWebhookChannel>(board);
        Assert.False(board.IsConfigured);
    }

    [Fact]
    public async Task A_card_that_is_not_json_is_refused_and_nothing_is_written()
    {
        var outbox = new LocalOutbox(_outbox, TimeProvider.System);
        await Assert.ThrowsAnyAsync<JsonException>(() => outbox.PostAsync("{not json"));
        Assert.False(Directory.Exists(outbox.BoardFolder));
    }
}
