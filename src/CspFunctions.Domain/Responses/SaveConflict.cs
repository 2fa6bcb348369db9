using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Responses;

public sealed record SaveConflict(ActionAnswer Yours, ProgressUpdate Theirs);
