using MimeKit;

namespace CspFunctions.LocalHost.Replies;

/// <summary>
/// A folder for replies written in a mail program: every .eml saved in it is posted to the inbound endpoint as SendGrid
/// Inbound Parse would post it, then moved to "sent/" (accepted) or "failed/" (unreadable, or refused), with a ".txt"
/// beside it saying what the endpoint answered.
/// </summary>
public sealed class ReplyDropFolder(string folder, Func<InboundParsePoster?> poster, ILogger<ReplyDropFolder> logger) : BackgroundService
{
    public string Folder => folder;
    public string SentFolder => Path.Combine(folder, "sent");
    public string FailedFolder => Path.Combine(folder, "failed");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Directory.CreateDirectory(folder);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (poster() is { } to)
            {
                try { await DeliverAllAsync(to, stoppingToken); }
                catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogWarning(ex, "The reply drop folder {Folder} could not be read", folder); }
            }
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
        }
    }

    /// <summary>Delivers every .eml in the folder now; returns what happened to each, by file name.</summary>
    public async Task<IReadOnlyList<(string File, InboundPostResult Result)>> DeliverAllAsync(InboundParsePoster to, CancellationToken ct = default)
    {
        var results = new List<(string, InboundPostResult)>();
        if (!Directory.Exists(folder)) return results;
        foreach (var path in Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            InboundPostResult? result = null;
            MimeMessage? message = null;
            try
            {
                await using var stream = File.OpenRead(path);
                message = await MimeMessage.LoadAsync(stream, ct);
            }
            catch (FormatException ex) { result = new InboundPostResult(0, null, $"{name} is not a readable email (.eml) file: {ex.Message}"); }
            catch (IOException) { continue; } // still being written; next round
            if (result is null && (message?.From.Mailboxes.FirstOrDefault() is null || message.To.Mailboxes.FirstOrDefault() is null))
                result = new InboundPostResult(0, null, $"{name} has no From or To address, so it cannot be a reply to a reminder.");
            if (result is null)
            {
                try { result = await to.PostAsync(message!, ct); }
                catch (HttpRequestException ex)
                {
                    logger.LogWarning("The inbound endpoint could not be reached ({Error}); {File} stays for the next try", ex.Message, name);
                    continue;
                }
            }
            var target = Path.Combine(result.Accepted ? SentFolder : FailedFolder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(path, target, overwrite: true);
            await File.WriteAllTextAsync(Path.ChangeExtension(target, ".txt"), result + Environment.NewLine, ct);
            logger.LogInformation("Reply {File} from the drop folder: {Result}", name, result);
            results.Add((name, result));
        }
        return results;
    }
}
