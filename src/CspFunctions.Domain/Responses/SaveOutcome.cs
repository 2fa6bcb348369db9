using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Responses;

public sealed record SaveOutcome(IReadOnlyList<ProgressUpdate> Saved, IReadOnlyList<ProgressUpdate> AlreadyCurrent, IReadOnlyList<SaveConflict> Conflicts);
