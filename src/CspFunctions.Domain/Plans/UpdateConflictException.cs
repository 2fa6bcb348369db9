using CspFunctions.Import;
using CspFunctions.Progress;

namespace CspFunctions.Plans;

public sealed class UpdateConflictException(ProgressUpdate current)
    : Exception($"Action {current.ActionNumber} was updated by {current.GivenBy} at {current.GivenAt:u} while you were editing.")
{
    public ProgressUpdate Current { get; } = current;
}
