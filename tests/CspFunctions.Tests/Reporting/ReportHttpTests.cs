using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CspFunctions.Import;
using CspFunctions.NewPlans;
using CspFunctions.Reporting;
using CspFunctions.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CspFunctions.Tests.Reporting;

/// <summary>The report and manager endpoints over real HTTP, signed in through the local sign-in page: formats, bad input,
/// cross-site forms, oversized uploads. Who may call them is AccessTableTests'.</summary>
[Collection(StorageCollection.Name)]
public sealed class ReportHttpTests(StorageFixture storage)
{
    private async Task<TestHost> StartAsync(IDictionary<string, string?>? overrides = null)
    {
        var host = await TestHost.StartAsync(storage, overrides);
        await host.Services.GetRequiredService<PlanImporter>().ImportAsync(storage.LoadSample());
        return host;
    }

    [Fact]
    public async Task The_same_data_renders_the_same_bytes_in_every_format_whatever_the_clock_says()
    {
        // Two hosts on the same tables with clocks twelve years apart: a "generated at" stamp from the app's clock, or a
        // zip entry time from the machine's, would make the bytes differ.
        var shared = new Dictionary<string, string?> { ["Csp:TablePrefix"] = StorageFixture.NewPrefix() };
        var early = new FakeTimeProvider(new DateTimeOffset(2019, 4, 24, 9, 0, 0, TimeSpan.Zero));
        var late = new FakeTimeProvider(new DateTimeOffset(2031, 12, 31, 23, 59, 58, TimeSpan.Zero));
        await using var first = await TestHost.StartAsync(storage, shared, s => s.AddSingleton<TimeProvider>(early));
        await using var second = await TestHost.StartAsync(storage, shared, s => s.AddSingleton<TimeProvider>(late));
        await first.Services.GetRequiredService<PlanImporter>().ImportAsync(storage.LoadSample());
        var firstManager = await first.ManagerAsync();
        var secondManager = await second.ManagerAsync();

        foreach (var format in new[] { "html", "docx", "csv", "md" })
        {
            var url = $"/api/plans/luton-2018-19/rounds/2018-19-Q4/report?format={format}&audience=board";
            var a = await firstManager.GetByteArrayAsync(url);
            early.Advance(TimeSpan.FromDays(400));
            var b = await secondManager.GetByteArrayAsync(url);
            Assert.True(a.Length > 1000, $"{format} is suspiciously small");
            Assert.True(a.AsSpan().SequenceEqual(b), $"{format} differs between renders at different times");
            if (format == "docx")
            {
                using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(a));
                Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2000, 1, 1), e.LastWriteTime.DateTime));
            }
        }
    }

    [Theory]
    [InlineData("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx")]
    [InlineData("csv", "text/csv", ".csv")]
    [InlineData("md", "text/markdown", ".md")]
    public async Task Every_format_downloads_with_its_type_and_name(string format, string mediaType, string extension)
    {
        await using var host = await StartAsync();
        var manager = await host.ManagerAsync();
        using var response = await manager.GetAsync($"/api/plans/luton-2018-19/rounds/2018-19-Q4/report?format={format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(extension, response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (format == "docx")
        {
            using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            Assert.Contains("Reducing violence and exploitation", doc.MainDocumentPart!.Document!.Body!.InnerText);
        }
        else Assert.Contains("Reducing violence and exploitation", Encoding.UTF8.GetString(bytes));
    }

    [Theory]
    [InlineData("/api/plans/luton-2018-19/rounds/2018-19-Q4/report?format=pdf", HttpStatusCode.BadRequest, "Unknown report format")]
    [InlineData("/api/plans/luton-2018-19/rounds/2018-19-Q4/report?audience=everyone", HttpStatusCode.BadRequest, "Unknown audience")]
    [InlineData("/api/plans/no-such-plan/rounds/2018-19-Q4/report", HttpStatusCode.NotFound, "There is no plan")]
    [InlineData("/api/plans/luton-2018-19/rounds/2018-19-Q3/report", HttpStatusCode.NotFound, "has no round")]
    [InlineData("/api/reports/luton-2018-19/2018-19-Q4/report.html", HttpStatusCode.NotFound, "has not been published")]
    [InlineData("/api/reports/luton-2018-19/2018-19-Q4/secrets.txt", HttpStatusCode.NotFound, "no such published report")]
    [InlineData("/api/manage/plans/no-such-plan", HttpStatusCode.NotFound, "There is no plan")]
    public async Task Bad_requests_get_a_clear_answer(string url, HttpStatusCode status, string expected)
    {
        await using var host = await StartAsync();
        // An Admin, because only an Admin is told that a plan does not exist.
        var admin = await host.SignInAsync("admin@example.org", "Ada Admin", admin: true);
        using var response = await admin.GetAsync(url);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_cross_site_publish_is_refused_and_changes_nothing()
    {
        await using var host = await StartAsync();
        var manager = await host.ManagerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/manage/plans/luton-2018-19/rounds/2018-19-Q4/publish") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Origin", "https://evil.example");
        using var response = await manager.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await host.Services.GetRequiredService<IPublicationStore>().GetAsync("luton-2018-19", "2018-19-Q4"));
    }

    [Fact]
    public async Task Publishing_twice_answers_409_and_keeps_the_first_snapshot()
    {
        await using var host = await StartAsync();
        var noRedirect = await host.ManagerAsync(followRedirects: false);
        using var first = await noRedirect.PostAsync("/api/manage/plans/luton-2018-19/rounds/2018-19-Q4/publish", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var snapshot = await noRedirect.GetByteArrayAsync("/api/reports/luton-2018-19/2018-19-Q4/report.html");
        using var second = await noRedirect.PostAsync("/api/manage/plans/luton-2018-19/rounds/2018-19-Q4/publish", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("already published", await second.Content.ReadAsStringAsync());
        Assert.Equal(snapshot, await noRedirect.GetByteArrayAsync("/api/reports/luton-2018-19/2018-19-Q4/report.html"));
    }

    [Fact]
    public async Task Uploads_that_are_oversized_malformed_or_of_an_unknown_type_import_nothing()
    {
        await using var host = await StartAsync();
        var manager = await host.ManagerAsync();
        var big = new MultipartFormDataContent { { new ByteArrayContent(new byte[UploadPlanFunction.MaxBytes + 1]), "file", "plan.docx" } };
        using var tooBig = await manager.PostAsync("/api/manage/upload", big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);

        using var notForm = await manager.PostAsync("/api/manage/upload", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notForm.StatusCode);

        var pdf = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4"u8.ToArray()), "file", "plan.pdf" }, { new StringContent("x-plan"), "id" } };
        using var wrongType = await manager.PostAsync("/api/manage/upload", pdf);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("is not a plan file", await wrongType.Content.ReadAsStringAsync());

        var latin1 = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.Latin1.GetBytes("priority,number,action\nCaf\u00e9,1,Do it\n")), "file", "plan.csv" },
            { new StringContent("latin-plan"), "id" }, { new StringContent("Latin"), "name" }, { new StringContent("2019"), "year" }, { new StringContent("m@example.org"), "managerEmail" },
        };
        using var wrongEncoding = await manager.PostAsync("/api/manage/upload", latin1);
        Assert.Equal(HttpStatusCode.BadRequest, wrongEncoding.StatusCode);
        Assert.Contains("not UTF-8", await wrongEncoding.Content.ReadAsStringAsync());
        Assert.Null(await host.Services.GetRequiredService<CspFunctions.Plans.IPlanStore>().GetAsync("latin-plan"));
    }
}
