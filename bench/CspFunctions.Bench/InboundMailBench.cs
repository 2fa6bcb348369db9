using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using System.Text;
using CspFunctions.Import;
using CspFunctions.LocalHost;
using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Responses;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using MimeKit;

namespace CspFunctions.Bench;

/// <summary>
/// Inbound Parse end to end on the local host and Azurite (must be running):
/// 1. a 25 MB raw message with attachments: peak process memory growth while it is received, archived, parsed and its
///    evidence stored, as a multiple of the message size (target at most 3);
/// 2. a typical 5 KB reply: median time from request to stored update, against a bare MimeKit parse of the same bytes.
/// </summary>
public sealed class InboundMailBench : IBenchProgram
{
    public string Name => "inbound";
    public string Description => "Inbound Parse: peak memory for a 25 MB message; 5 KB reply request-to-stored vs a bare MimeKit parse";

    private sealed class NoMail : IMailSender
    {
        public Task SendAsync(OutgoingMail mail, CancellationToken ct = default) => Task.CompletedTask;
    }

    public async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var megabytes = options.Int(0, full: 25, smoke: 1);
        var report = new BenchReport(Name, "Inbound Parse: peak memory for a large message, time for a typical reply", "dotnet run -c Release --project bench/CspFunctions.Bench -- inbound");
        var root = RepoPaths.FindRoot();
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        await using var app = LocalFunctionHost.Build(new LocalHostOptions
        {
            RepoRoot = root, Urls = "http://127.0.0.1:0", RunTimers = false, RunQueues = false,
            Overrides = new Dictionary<string, string?> { ["Csp:TablePrefix"] = prefix, ["Csp:Queues:Reminders"] = prefix + "reminders", ["Csp:Queues:BoardNotices"] = prefix + "boardnotices", ["Csp:SendGrid:InboundDomain"] = "reply.example.org" },
            ConfigureServices = s => s.AddSingleton<IMailSender, NoMail>(),
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(5) };
        // Inbound Parse is a machine caller: the local host, like the Functions host, wants its function key.
        client.DefaultRequestHeaders.Add(LocalFunctionKeys.Header, app.Services.GetRequiredService<LocalFunctionKeys>().Key);

        await using (var sample = File.OpenRead(RepoPaths.SamplePlan(root)))
            await app.Services.GetRequiredService<PlanImporter>().ImportAsync(PlanReader.ReadJson(sample));
        FinancialQuarter.TryParseRoundId("2019-20-Q1", out var quarter);
        await app.Services.GetRequiredService<IPlanStore>().SaveRoundAsync(ReportingRound.For("luton-2018-19", quarter, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10)), null);
        var key = ReplyAddress.KeyFor(Encoding.UTF8.GetBytes("bench-reply-key"), "luton-2018-19", "2019-20-Q1", "housing");
        await app.Services.GetRequiredService<IReplyAddressBook>().RegisterAsync(key, "luton-2018-19", "2019-20-Q1", "housing");
        var to = ReplyAddress.For(key, "reply.example.org");

        // Warm up every code path once.
        await PostAsync(client, new ByteArrayContent(SmallReply(to, 0)));

        // 1. Peak memory for 25 MB.
        var path = Path.GetTempFileName();
        try
        {
            WriteLarge(path, to, megabytes * 1024L * 1024);
            var size = new FileInfo(path).Length;
            GC.Collect(2, GCCollectionMode.Forced, true, true);
            GC.WaitForPendingFinalizers();
            var process = Process.GetCurrentProcess();
            process.Refresh();
            var before = process.WorkingSet64;
            var peak = before;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    process.Refresh();
                    peak = Math.Max(peak, process.WorkingSet64);
                    await Task.Delay(2);
                }
            });
            var allocatedBefore = GC.GetTotalAllocatedBytes(true);
            var watch = Stopwatch.StartNew();
            await using (var file = File.OpenRead(path)) await PostAsync(client, new StreamContent(file));
            watch.Stop();
            var allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
            await stop.CancelAsync();
            await sampler;
            var growth = peak - before;
            report.Figure($"{megabytes} MB message: peak working-set growth vs the message size", growth / 1048576.0, size / 1048576.0, "MB", maxRatio: 3);
            report.Note($"{size / 1048576.0:F1} MB processed in {watch.Elapsed.TotalSeconds:F1} s; managed bytes allocated {allocated / 1048576.0:F1} MB = {(double)allocated / size:F2} x the message size (includes the test client).");

            // 2. A 5 KB reply: request to stored update vs a bare MimeKit parse of the same bytes.
            var reply = SmallReply(to, 1);
            var parse = new List<double>();
            for (var i = 0; i < (options.Smoke ? 5 : 300); i++)
            {
                var sw = Stopwatch.StartNew();
                using var ms = new MemoryStream(reply);
                _ = MimeMessage.Load(ms);
                parse.Add(sw.Elapsed.TotalMilliseconds);
            }
            var full = new List<double>();
            for (var i = 0; i < (options.Smoke ? 3 : 40); i++)
            {
                var message = SmallReply(to, 100 + i);
                var sw = Stopwatch.StartNew();
                await PostAsync(client, new ByteArrayContent(message));
                full.Add(sw.Elapsed.TotalMilliseconds);
            }
            report.Figure($"5 KB reply ({reply.Length:N0} bytes): request to stored update, median, vs a bare MimeKit parse of the same bytes", Median(full), Median(parse), "ms");
            return await report.FinishAsync(options);
        }
        finally
        {
            File.Delete(path);
            await app.StopAsync();
        }
    }

    private static async Task PostAsync(HttpClient client, HttpContent email)
    {
        using var form = new MultipartFormDataContent
        {
            { email, "email" }, { new StringContent("{\"to\":[],\"from\":\"\"}"), "envelope" },
            { new StringContent("{@example.org : pass}"), "dkim" }, { new StringContent("pass"), "SPF" },
        };
        using var response = await client.PostAsync("/api/inbound/sendgrid", form);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !body.Contains("\"Applied\"")) throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static byte[] SmallReply(string to, int n)
    {
        var quoted = string.Concat(Enumerable.Repeat("> Please send your progress update for action 5 by the due date. Thank you.\n", 50));
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("housing@example.org"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = "RE: Progress update needed";
        message.MessageId = $"bench-{n}-{Guid.NewGuid():N}@example.org";
        message.Body = new TextPart("plain") { Text = $"Update {n}: the rent arrears pilot cost £12,000 and is on track.\n\nOn Mon, 1 Jul 2019 at 09:00, CSP Manager <csp@example.org> wrote:\n" + quoted };
        using var ms = new MemoryStream();
        message.WriteTo(ms);
        return ms.ToArray();
    }

    private static void WriteLarge(string path, string to, long size)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("housing@example.org"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = "RE: Progress update with evidence";
        message.MessageId = $"bench-large-{Guid.NewGuid():N}@example.org";
        var body = new BodyBuilder { TextBody = "Evidence pack attached." };
        var random = new Random(7);
        var each = (int)(size * 3 / 4 / 3);
        for (var i = 0; i < 3; i++)
        {
            var bytes = new byte[each];
            random.NextBytes(bytes);
            body.Attachments.Add($"evidence-{i + 1}.jpg", bytes, new ContentType("image", "jpeg"));
        }
        message.Body = body.ToMessageBody();
        using var file = File.Create(path);
        message.WriteTo(file);
    }
}
