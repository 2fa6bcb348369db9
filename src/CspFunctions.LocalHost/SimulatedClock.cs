using CspFunctions.Chasing;
using CspFunctions.Import;
using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Setup;

namespace CspFunctions.LocalHost;

/// <summary>A clock the simulation moves by hand.</summary>
public sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
}
