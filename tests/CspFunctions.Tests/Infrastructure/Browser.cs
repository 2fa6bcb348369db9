using Microsoft.Playwright;

namespace CspFunctions.Tests.Infrastructure;

/// <summary>A test that needs Debian's chromium. Skips locally when chromium is absent; in CI
/// (CSP_REQUIRE_BROWSER=1, set by .ci/run) it runs and fails if the browser is missing.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!BrowserFixture.ChromiumAvailable && !BrowserFixture.Required)
            Skip = $"chromium not found at {BrowserFixture.ChromiumPath} (CI installs it and requires these tests)";
    }
}

/// <summary>One headless chromium for the test run, driven by Playwright (Debian's chromium; Playwright's own browser download is not used).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CSP_CHROMIUM") ?? "/usr/bin/chromium";
    public static bool ChromiumAvailable => File.Exists(ChromiumPath);
    public static bool Required => Environment.GetEnvironmentVariable("CSP_REQUIRE_BROWSER") == "1";

    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!ChromiumAvailable)
        {
            if (Required) throw new InvalidOperationException($"CSP_REQUIRE_BROWSER=1 but chromium is not at {ChromiumPath}.");
            return;
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>A fresh page in its own context (no shared cookies between tests).</summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions { Locale = "en-GB" });
        return await context.NewPageAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>, ICollectionFixture<StorageFixture>
{
    public const string Name = "browser";
}
