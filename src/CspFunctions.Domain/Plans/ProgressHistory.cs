using CspFunctions.Import;
using CspFunctions.Progress;

namespace CspFunctions.Plans;

public static class ProgressHistory
{
    /// <summary>The latest version of each action's update.</summary>
    public static IReadOnlyDictionary<int, ProgressUpdate> Latest(this IEnumerable<ProgressUpdate> updates) =>
        updates.GroupBy(u => u.ActionNumber).ToDictionary(g => g.Key, g => g.MaxBy(u => u.Version)!);
}
