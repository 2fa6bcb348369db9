using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CspFunctions.Reporting;

namespace CspFunctions.Tests.Reporting;

/// <summary>A test that needs LibreOffice (Debian's libreoffice-writer-nogui). Skips locally when it is absent; in CI
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

/// <summary>The Word report opened by a real word processor, not only parsed back by OpenXml.</summary>
public sealed partial class LibreOfficeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("csp-lo-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [LibreOfficeFact]
    public async Task LibreOffice_opens_the_word_report_with_every_action_and_prints_it_on_a4_landscape()
    {
        var report = ReportBuilder.Build(ReportData.Inputs(), ReportAudience.Manager);
        var docx = Path.Combine(_dir, "report.docx");
        await File.WriteAllBytesAsync(docx, ReportRenderer.Render(report, ReportFormat.Docx).Content);

        var text = await File.ReadAllTextAsync(await LibreOffice.ConvertAsync(docx, "txt:Text (encoded):UTF8"), Encoding.UTF8);
        Assert.Contains(report.PlanName, text);
        foreach (var row in report.Rows)
        {
            Assert.Contains(row.TextBlocks[0].Lines[0], text);
            if (row.Progress is { } progress) Assert.Contains(progress.Blocks[0].Lines[0], text);
        }
        Assert.Equal(28, report.Rows.Count());

        var pdf = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(await LibreOffice.ConvertAsync(docx, "pdf")));
        var pages = MediaBox().Matches(pdf).Select(m => (W: double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), H: double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.True(pages.Count >= 3, $"expected several pages, found {pages.Count}");
        Assert.All(pages, p => Assert.True(Math.Abs(p.W - 841.9) < 1.5 && Math.Abs(p.H - 595.3) < 1.5, $"page is {p.W} x {p.H} points, not A4 landscape"));
    }

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBox();
}
