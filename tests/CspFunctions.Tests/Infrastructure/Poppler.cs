using System.Diagnostics;

namespace CspFunctions.Tests.Infrastructure;

/// <summary>poppler-utils (pdftotext, pdfinfo) for reading a PDF the way a person sees it. Installed beside LibreOffice by
/// .ci/run; a LibreOffice test that needs them fails when they are missing rather than skipping.</summary>
public static class Poppler
{
    public static async Task<string> RunAsync(string tool, params string[] args)
    {
        var path = Path.Combine("/usr/bin", tool);
        Assert.True(File.Exists(path), $"{tool} is not installed (apt-get install poppler-utils; .ci/run does)");
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{tool} failed (exit {process.ExitCode}): {await errors}");
        return await output;
    }
}
