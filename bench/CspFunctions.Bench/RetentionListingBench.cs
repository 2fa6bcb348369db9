using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using CspFunctions.Observability;
using CspFunctions.Retention;
using CspFunctions.Setup;
using Microsoft.Extensions.Logging.Abstractions;

namespace CspFunctions.Bench;

/// <summary>
/// The retention timer's daily run in steady state (a year of mail archived, one day just past retention) on Azurite:
/// the date-folder walk against a baseline that lists the whole container and deletes what is expired.
/// Figures: blob entries enumerated, list requests, response bytes and wall time, as ratios to the baseline.
/// </summary>
public sealed class RetentionListingBench : IBenchProgram
{
    public string Name => "retention-listing";
    public string Description => "RetentionTimer date-folder walk vs full container scan on Azurite (args: [mails per day=10] [rounds=5])";

    private sealed class Meter : HttpPipelinePolicy
    {
        public int Lists, Deletes;
        public long Bytes;
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) { ProcessNext(message, pipeline); Count(message); }
        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) { await ProcessNextAsync(message, pipeline); Count(message); }
        private void Count(HttpMessage message)
        {
            if (message.Request.Method == RequestMethod.Get && message.Request.Uri.Query.Contains("comp=list")) Interlocked.Increment(ref Lists);
            if (message.Request.Method == RequestMethod.Delete) Interlocked.Increment(ref Deletes);
            if (message.Response.ContentStream is { CanSeek: true } s) Interlocked.Add(ref Bytes, s.Length);
        }
        public (int, int, long) TakeAndReset() => (Interlocked.Exchange(ref Lists, 0), Interlocked.Exchange(ref Deletes, 0), Interlocked.Exchange(ref Bytes, 0));
    }

    public async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var perDay = options.Int(0, full: 10, smoke: 1);
        var rounds = options.Int(1, full: 5, smoke: 1);
        var report = new BenchReport(Name, "Retention timer: date-folder walk vs full container scan", "dotnet run -c Release --project bench/CspFunctions.Bench -- retention-listing");
        var deletionsRight = true;
        var meter = new Meter();
        var blobOptions = new BlobClientOptions();
        blobOptions.AddPolicy(meter, HttpPipelinePosition.PerRetry);
        const string dev = "UseDevelopmentStorage=true";
        var blobs = new BlobServiceClient(dev, blobOptions);
        var names = new StorageNames("bench" + Guid.NewGuid().ToString("N")[..8]);
        var container = blobs.GetBlobContainerClient(names.InboundContainer);
        await container.CreateIfNotExistsAsync();

        var now = new DateTimeOffset(2026, 11, 26, 2, 30, 0, TimeSpan.Zero);
        var retention = new InboundMailRetention(365);
        var cutoff = retention.Cutoff(now);
        var expiredDay = cutoff.AddDays(-1);
        var kept = Enumerable.Range(0, 366).Select(cutoff.AddDays).ToList();
        Console.WriteLine($"Seeding {kept.Count * perDay + perDay} blobs ({perDay} a day, {kept.Count} kept days + 1 expired day) in {names.InboundContainer}...");
        await Parallel.ForEachAsync(kept.SelectMany(d => Enumerable.Range(0, perDay).Select(i => (d, i))), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (x, ct) => await container.UploadBlobAsync($"{x.d:yyyy'/'MM'/'dd}/{x.i:D4}.eml", BinaryData.FromString("x"), ct));

        var clock = new FixedClock(now);
        var clients = new StorageClients(new TableServiceClient(dev), new QueueServiceClient(dev), blobs);
        var purger = new InboundMailPurger(clients, names, new CspFunctions.Storage.TableInboundLog(new CspFunctions.Storage.TableSetup(clients), names), retention, clock,
            new CspTelemetry(new NoMeterFactory()), NullLogger<InboundMailPurger>.Instance);

        var walk = new List<(int Lists, long Bytes, double Ms)>();
        var scan = new List<(int Lists, long Bytes, double Ms)>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var useWalk in round % 2 == 0 ? new[] { true, false } : [false, true])   // alternate order: the machine is noisy
            {
                await SeedExpiredDay(container, expiredDay, perDay);
                meter.TakeAndReset();
                var sw = Stopwatch.StartNew();
                var deleted = useWalk ? (await purger.PurgeAsync(CancellationToken.None)).Deleted : await FullScan(container, cutoff);
                sw.Stop();
                var (lists, deletes, bytes) = meter.TakeAndReset();
                deletionsRight &= deleted == perDay && deletes == perDay;
                (useWalk ? walk : scan).Add((lists, bytes, sw.Elapsed.TotalMilliseconds));
            }
        }
        await container.DeleteAsync();

        double Median(IEnumerable<double> xs) { var a = xs.Order().ToArray(); return a[a.Length / 2]; }
        var (wl, wb, wt) = (walk[0].Lists, Median(walk.Select(w => (double)w.Bytes)), Median(walk.Select(w => w.Ms)));
        var (sl, sb, st) = (scan[0].Lists, Median(scan.Select(w => (double)w.Bytes)), Median(scan.Select(w => w.Ms)));
        report.Figure("list requests: date-folder walk vs full scan", wl, sl, "requests");
        report.Figure("bytes listed: date-folder walk vs full scan", wb, sb, "bytes", maxRatio: 1.0);
        report.Figure($"wall time, median of {rounds}: date-folder walk vs full scan", wt, st, "ms");
        report.Check($"both deleted exactly the {perDay} expired messages in every run, and nothing else", deletionsRight);
        return await report.FinishAsync(options);
    }

    private static async Task SeedExpiredDay(BlobContainerClient container, DateOnly day, int perDay)
    {
        for (var i = 0; i < perDay; i++) await container.UploadBlobAsync($"{day:yyyy'/'MM'/'dd}/{i:D4}.eml", BinaryData.FromString("x"));
    }

    /// <summary>The obvious implementation: list every blob, delete the expired ones.</summary>
    private static async Task<int> FullScan(BlobContainerClient container, DateOnly cutoff)
    {
        var deleted = 0;
        await foreach (var blob in container.GetBlobsAsync())
            if (InboundMailRetention.TryReadBlobName(blob.Name, out var day) && day < cutoff && (await container.DeleteBlobIfExistsAsync(blob.Name)).Value)
                deleted++;
        return deleted;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class NoMeterFactory : System.Diagnostics.Metrics.IMeterFactory
    {
        public System.Diagnostics.Metrics.Meter Create(System.Diagnostics.Metrics.MeterOptions options) => new(options);
        public void Dispose() { }
    }
}
