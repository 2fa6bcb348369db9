using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CspFunctions.Import;
using CspFunctions.Pages;
using CspFunctions.Plans;
using CspFunctions.Reporting;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Tests.Hosting;

/// <summary>Every page gets the same headers and the same-origin check from one place, and the one stylesheet is served
/// under its content hash with a long cache lifetime.</summary>
[Collection(StorageCollection.Name)]
public sealed class PageSecurityTests(StorageFixture storage)
{
    private async Task<TestHost> StartAsync()
    {
        var host = await TestHost.StartAsync(storage);
        await host.Services.GetRequiredService<PlanImporter>().ImportAsync(storage.LoadSample());
        return host;
    }

    /// <summary>Pages, with who opens them: the plan's manager, an Admin (who may open any plan id, so a missing plan is the
    /// page's own 404), or nobody (a lead's link, the local host's own pages and its sign-in page).</summary>
    public static TheoryData<string, int, string> Pages => new()
    {
        { "/api/manage", 200, "manager" },
        { "/api/manage/plans/luton-2018-19", 200, "manager" },
        { "/api/manage/plans/luton-2018-19/rounds/2018-19-Q4", 200, "manager" },
        { "/api/manage/plans/no-such-plan", 404, "admin" },
        { "/api/manage/upload", 200, "manager" },
        { "/api/respond/not-a-real-token", 403, "nobody" },
        { "/outbox", 200, "nobody" },
        { "/", 200, "nobody" },
        { "/.auth/login/aad?post_login_redirect_uri=%2Fapi%2Fmanage", 200, "nobody" },
    };

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("form-action 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl!.NoStore);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_has_the_layout_and_the_security_headers_with_a_fresh_nonce(string path, int status, string who)
    {
        await using var host = await StartAsync();
        var client = who switch
        {
            "manager" => await host.ManagerAsync(),
            "admin" => await host.SignInAsync("admin@example.org", "Ada Admin", admin: true),
            _ => host.Client,
        };
        var nonces = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(status, (int)response.StatusCode);
            AssertSecurityHeaders(response);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();

            var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            var link = page.QuerySelector("link[rel=stylesheet]")!;
            var nonce = link.GetAttribute("nonce")!;
            Assert.Contains($"style-src 'nonce-{nonce}'", csp);
            Assert.Matches(@"^/api/assets/site\.[0-9a-f]{16}\.css$", link.GetAttribute("href")!);
            Assert.Empty(page.QuerySelectorAll("style, script, [style]"));
            Assert.NotNull(page.QuerySelector("a.govuk-skip-link[href='#main-content']"));
            Assert.NotNull(page.QuerySelector("header .govuk-service-navigation"));
            Assert.NotNull(page.QuerySelector("main#main-content h1"));
            Assert.NotNull(page.QuerySelector("footer.govuk-footer"));
            Assert.Null(page.QuerySelector("svg, .govuk-header__logotype, .govuk-header"));
            nonces.Add(nonce);
        }
        Assert.NotEqual(nonces[0], nonces[1]);
    }

    /// <summary>The page checks run before the access middleware, so its refusals (a sign-in redirect, 401, 403) carry the
    /// same headers.</summary>
    [Fact]
    public async Task Access_refusals_on_page_routes_carry_the_security_headers()
    {
        await using var host = await StartAsync();
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        using var browser = new HttpRequestMessage(HttpMethod.Get, "/api/manage") { Headers = { { "Accept", "text/html" } } };
        using var redirect = await noRedirect.SendAsync(browser);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        AssertSecurityHeaders(redirect);
        using var script = await host.Client.GetAsync("/api/manage/plans/luton-2018-19");
        Assert.Equal(HttpStatusCode.Unauthorized, script.StatusCode);
        AssertSecurityHeaders(script);
        var stranger = await host.SignInAsync("stranger@example.org", "Sam Stranger");
        using var forbidden = await stranger.GetAsync("/api/manage/plans/luton-2018-19");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        AssertSecurityHeaders(forbidden);
    }

    [Fact]
    public async Task The_stylesheet_is_served_under_its_hash_for_a_year_and_other_names_are_not_found()
    {
        await using var host = await StartAsync();
        var html = await (await host.ManagerAsync()).GetStringAsync("/api/manage");
        var href = Regex.Match(html, "href=\"(/api/assets/site\\.[0-9a-f]+\\.css)\"").Groups[1].Value;
        using var css = await host.Client.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.Equal(TimeSpan.FromDays(365), css.Headers.CacheControl!.MaxAge);
        Assert.True(css.Headers.CacheControl.Public);
        Assert.Contains("immutable", css.Headers.CacheControl.ToString());
        var body = await css.Content.ReadAsStringAsync();
        Assert.Contains(".govuk-error-summary", body);
        Assert.Contains(".govuk-service-navigation", body);
        Assert.DoesNotContain("GDS Transport", body);
        Assert.DoesNotContain("@font-face", body);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/api/assets/site.0000000000000000.css")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/api/assets/images/govuk-crest.svg")).StatusCode);
    }

    public static TheoryData<string, string, string> CrossSitePosts => new()
    {
        { "/api/manage/upload", "Sec-Fetch-Site", "cross-site" },
        { "/api/manage/plans/luton-2018-19/rollover", "Origin", "https://evil.example" },
        { "/api/manage/plans/luton-2018-19/rounds/2018-19-Q4/publish", "Sec-Fetch-Site", "same-site" },
        { "/api/manage/plans/luton-2018-19/rounds/2018-19-Q4/notify", "Origin", "null" },
        { "/api/respond/not-a-real-token/renew", "Sec-Fetch-Site", "cross-site" },
    };

    [Theory]
    [MemberData(nameof(CrossSitePosts))]
    public async Task A_form_post_from_another_site_is_refused_before_the_function_runs(string path, string header, string value)
    {
        await using var host = await StartAsync();
        // Signed in: the forged form rides on the manager's session, as it would in their browser.
        var manager = await host.ManagerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([new("newId", "forged-2019-20")]) };
        request.Headers.TryAddWithoutValidation(header, value);
        using var response = await manager.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(PageSecurity.RefusedText, await response.Content.ReadAsStringAsync());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Null(await host.Services.GetRequiredService<IPlanStore>().GetAsync("forged-2019-20"));
        Assert.Null(await host.Services.GetRequiredService<IPublicationStore>().GetAsync("luton-2018-19", "2018-19-Q4"));
    }

    [Fact]
    public async Task A_same_origin_form_post_goes_through()
    {
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/manage/plans/luton-2018-19/rollover") { Content = new FormUrlEncodedContent([new("newId", "luton-2019-20")]) };
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
        request.Headers.TryAddWithoutValidation("Origin", host.BaseAddress.GetLeftPart(UriPartial.Authority));
        using var response = await (await host.ManagerAsync()).SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await host.Services.GetRequiredService<IPlanStore>().GetAsync("luton-2019-20"));
    }
}
