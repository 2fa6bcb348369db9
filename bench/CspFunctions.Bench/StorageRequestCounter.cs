using Azure.Core;
using Azure.Core.Pipeline;

namespace CspFunctions.Bench;

/// <summary>Counts every storage request the SDK sends (retries included), keeping the one-off create-if-not-exists
/// calls for tables and queues apart from the work.</summary>
public sealed class StorageRequestCounter : HttpPipelinePolicy
{
    private int _work;
    private int _setup;
    public int Work => _work;
    public int Setup => _setup;

    public void Reset()
    {
        Interlocked.Exchange(ref _work, 0);
        Interlocked.Exchange(ref _setup, 0);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Count(HttpMessage message)
    {
        var path = message.Request.Uri.Path;
        var createTable = message.Request.Method == RequestMethod.Post && path.EndsWith("/Tables", StringComparison.Ordinal);
        var createQueue = message.Request.Method == RequestMethod.Put && !path.Contains("/messages", StringComparison.Ordinal) && !path.Contains('(');
        if (createTable || createQueue) Interlocked.Increment(ref _setup);
        else Interlocked.Increment(ref _work);
    }
}
