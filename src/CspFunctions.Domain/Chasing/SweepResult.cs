using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Chasing;

public sealed record SweepResult(int Plans, int RoundsOpened, int Enqueued, IReadOnlyList<string> Notes)
{
    public static SweepResult OutsideWindow { get; } = new(0, 0, 0, ["outside the UK-morning sending window, or not a working day"]);
}
