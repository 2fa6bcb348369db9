using System.Diagnostics;

namespace CspFunctions.Tests.Infrastructure;

/// <summary>A test that needs LibreOffice (Debian's libreoffice-writer-nogui; the import corpus also needs libreoffice-calc-nogui). Skips locally when it is absent; in CI
/// (CSP_REQUIRE_LIBREOFFICE=1, set by .ci/run) it runs and fails if LibreOffice is missing.</summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public LibreOfficeFactAttribute()
    {
        if (!LibreOffice.Available && !LibreOffice.Required)
            Skip = $"LibreOffice not found at {LibreOffice.Path} (CI installs it and requires these tests)";
    }
}

public static class LibreOffice
{
    public static string Path => Environment.GetEnvironmentVariable("CSP_SOFFICE") ?? "/usr/bin/soffice";
    public static bool Available => File.Exists(Path);
    public static bool Required => Environment.GetEnvironmentVariable("CSP_REQUIRE_LIBREOFFICE") == "1";

    /// <summary>Converts a file the way a user's "Open, then Save as" would, headless, with a profile of its own.</summary>
    public static async Task<string> ConvertAsync(string file, string format)
    {
        var outDir = System.IO.Path.GetDirectoryName(file)!;
        var profile = new Uri(System.IO.Path.Combine(outDir, "profile")).AbsoluteUri;
        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { $"-env:UserInstallation={profile}", "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, file })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        var extension = format.Split(':')[0];
        var converted = System.IO.Path.ChangeExtension(file, extension);
        Assert.True(process.ExitCode == 0 && File.Exists(converted), $"LibreOffice could not convert {file} to {format} (exit {process.ExitCode}): {await output} {await errors}");
        return converted;
    }
}
