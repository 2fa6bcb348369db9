namespace CspFunctions.LocalHost;

public static class RepoPaths
{
    /// <summary>The folder holding CspFunctions.sln, found by walking up from the given folder (default: the app's folder, then the working directory).</summary>
    public static string FindRoot(string? start = null)
    {
        foreach (var candidate in new[] { start, AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = candidate is null ? null : new DirectoryInfo(candidate); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "CspFunctions.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Could not find the repository root (the folder with CspFunctions.sln).");
    }

    public static string SamplePlan(string root) => Path.Combine(root, "samples", "luton-2018-19.plan.json");
}
