using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CspFunctions.Import;
using CspFunctions.LocalHost;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Tests.Plans;

/// <summary>Excel and Word plans through the import API and the local import command, on Azurite: imported with their
/// progress, re-imported without losing history, and bad files refused with a clear problem and nothing stored.</summary>
[Collection(StorageCollection.Name)]
public sealed class OfficeImportTests(StorageFixture storage)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static string Query(string id, string? round = null) =>
        $"/api/plans/import?id={id}&name=Office%20plan&year=2021&managerEmail=manager@example.org" + (round is null ? "" : "&round=" + round);

    private static ByteArrayContent File(string name, string type)
    {
        var content = new ByteArrayContent(System.IO.File.ReadAllBytes(Path.Combine(PlanCorpusTests.Folder, name)));
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    [Fact]
    public async Task An_xlsx_plan_posts_with_its_progress_and_a_second_import_keeps_the_history()
    {
        await using var host = await TestHost.StartAsync(storage);
        var id = "xlsx-" + Guid.NewGuid().ToString("N")[..8];
        using var first = await host.KeyClient.PostAsync(Query(id, "2021-22-Q2"), File("excel-merged.xlsx", Xlsx));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var stored = (await host.Services.GetRequiredService<IPlanStore>().GetAsync(id))!;
        Assert.Equal(["1", "2", "3", "3.1"], stored.Plan.Actions.Select(a => a.Ref));
        var progress = host.Services.GetRequiredService<IProgressStore>();
        var updates = await progress.GetRoundAsync(id, "2021-22-Q2");
        Assert.Equal([(Rag.Green, ProgressStatus.NotGiven), (Rag.Amber, ProgressStatus.NotGiven), (Rag.Red, ProgressStatus.NotGiven)],
            updates.OrderBy(u => u.ActionNumber).Select(u => (u.Rag, u.Status)));

        using var again = await host.KeyClient.PostAsync(Query(id, "2021-22-Q2"), File("excel-merged.xlsx", Xlsx));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var outcome = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 3), (outcome.GetProperty("updatesAdded").GetInt32(), outcome.GetProperty("updatesUnchanged").GetInt32()));
        Assert.Equal(3, (await progress.GetRoundAsync(id, "2021-22-Q2")).Count);
        Assert.Equal(stored.Plan.Actions.Select(a => (a.Ref, a.Number)), (await host.Services.GetRequiredService<IPlanStore>().GetAsync(id))!.Plan.Actions.Select(a => (a.Ref, a.Number)));
    }

    [Fact]
    public async Task A_docx_plan_posts_and_its_progress_goes_to_the_most_recent_ended_quarter_by_default()
    {
        await using var host = await TestHost.StartAsync(storage);
        var id = "docx-" + Guid.NewGuid().ToString("N")[..8];
        using var response = await host.KeyClient.PostAsync(Query(id), File("word-own-columns.docx", Docx));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = (await host.Services.GetRequiredService<IPlanStore>().GetAsync(id))!;
        Assert.Equal(["1.1", "1.2", "1.10", "2.1", "3a"], stored.Plan.Actions.Select(a => a.Ref));
        // The plan's year (2021-22) is over, so its last quarter is the most recent ended one.
        Assert.Equal(4, (await host.Services.GetRequiredService<IProgressStore>().GetRoundAsync(id, "2021-22-Q4")).Count);
        Assert.Equal(["yos@example.gov.uk"], stored.Plan.Leads.Single(l => l.Name == "Youth Offending Service").Contacts.Select(c => c.Email));
    }

    public static TheoryData<string, string, string> BadFiles() => new()
    {
        { "text.xlsx", Xlsx, "the file is not an Excel workbook (.xlsx)" },
        { "text.docx", Docx, "the file is not a Word document (.docx)" },
        { "encrypted.xlsx", Xlsx, "the file is password-protected (encrypted)" },
        { "encrypted.docx", Docx, "the file is password-protected (encrypted)" },
        { "truncated.xlsx", Xlsx, "the file is damaged and cannot be opened as an Excel workbook" },
        { "truncated.docx", Docx, "the file is damaged and cannot be opened as a Word document" },
        { "excel-empty.xlsx", Xlsx, "sheet 'Sheet1' is empty" },
        { "no-table.docx", Docx, "the document has no table" },
    };

    /// <summary>Bad files of each kind: plain text, a workbook and a document saved with a password (an OLE compound file
    /// holding the encrypted package), a workbook cut short, an empty sheet, a document without a table.</summary>
    public static byte[] BadFile(string name) => name switch
    {
        "text.xlsx" or "text.docx" => "priority,number,action\n"u8.ToArray(),
        // Saved by LibreOffice with a password to open (sources/build.sh): ECMA-376 encryption in an OLE compound file.
        "encrypted.xlsx" => System.IO.File.ReadAllBytes(Path.Combine(PlanCorpusTests.Folder, "password-protected.xlsx")),
        "encrypted.docx" => System.IO.File.ReadAllBytes(Path.Combine(PlanCorpusTests.Folder, "password-protected.docx")),
        "truncated.xlsx" => System.IO.File.ReadAllBytes(Path.Combine(PlanCorpusTests.Folder, "excel-merged.xlsx"))[..3000],
        "truncated.docx" => System.IO.File.ReadAllBytes(Path.Combine(PlanCorpusTests.Folder, "word-own-columns.docx"))[..2500],
        "no-table.docx" => NoTableDocx(),
        _ => System.IO.File.ReadAllBytes(Path.Combine(PlanCorpusTests.Folder, name)),
    };

    private static byte[] NoTableDocx()
    {
        using var buffer = new MemoryStream();
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(buffer, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text("Our plan is in the appendix.")))));
        }
        return buffer.ToArray();
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_office_file_answers_400_with_a_clear_problem_and_stores_nothing(string name, string type, string expected)
    {
        await using var host = await TestHost.StartAsync(storage);
        var id = "bad-" + Guid.NewGuid().ToString("N")[..8];
        var content = new ByteArrayContent(BadFile(name));
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        using var response = await host.KeyClient.PostAsync(Query(id), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(expected, Assert.Single(body.GetProperty("problems").EnumerateArray()).GetProperty("message").GetString());
        Assert.Null(await host.Services.GetRequiredService<IPlanStore>().GetAsync(id));
    }

    [Fact]
    public async Task A_30_MB_workbook_answers_413_and_stores_nothing()
    {
        await using var host = await TestHost.StartAsync(storage);
        var content = new ByteArrayContent(ThirtyMegabyteZip());
        content.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        using var request = new HttpRequestMessage(HttpMethod.Post, Query("big-plan")) { Content = content };
        // As browsers and curl do for a large body: ask first, so the refusal arrives before 30 MB are sent.
        request.Headers.ExpectContinue = true;
        using var response = await host.KeyClient.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than the 10 MB limit", await response.Content.ReadAsStringAsync());
        Assert.Null(await host.Services.GetRequiredService<IPlanStore>().GetAsync("big-plan"));
    }

    /// <summary>30 MB that starts like a workbook (a zip of incompressible data).</summary>
    public static byte[] ThirtyMegabyteZip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("xl/media/image1.bin", CompressionLevel.NoCompression);
            using var stream = entry.Open();
            var block = new byte[1024 * 1024];
            new Random(10).NextBytes(block);
            for (var i = 0; i < 30; i++) stream.Write(block);
        }
        return buffer.ToArray();
    }

    [Fact]
    public async Task The_local_import_command_takes_xlsx_and_docx_files()
    {
        await using var services = storage.Services();
        var importer = services.GetRequiredService<PlanImporter>();
        foreach (var (file, id) in new[] { ("excel-title-above.xlsx", "cli-xlsx-" + Guid.NewGuid().ToString("N")[..6]), ("word-seed-layout.docx", "cli-docx-" + Guid.NewGuid().ToString("N")[..6]) })
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var code = await ImportCommand.RunAsync(["import", Path.Combine(PlanCorpusTests.Folder, file), "--id", id, "--name", "CLI", "--year", "2020", "--manager-email", "m@example.org", "--round", "2020-21-Q3"],
                importer, output, error);
            Assert.True(code == 0, error.ToString());
            Assert.Contains($"Imported {id} (revision 1)", output.ToString());
            Assert.NotEmpty(await services.GetRequiredService<IProgressStore>().GetRoundAsync(id, "2020-21-Q3"));
        }
        var bad = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.xlsx");
        await System.IO.File.WriteAllBytesAsync(bad, BadFile("encrypted.xlsx"));
        try
        {
            var error = new StringWriter();
            Assert.Equal(1, await ImportCommand.RunAsync(["import", bad, "--id", "cli-bad", "--name", "CLI", "--year", "2020", "--manager-email", "m@example.org"], importer, new StringWriter(), error));
            Assert.Contains("password-protected", error.ToString());
            Assert.Null(await services.GetRequiredService<IPlanStore>().GetAsync("cli-bad"));
        }
        finally { System.IO.File.Delete(bad); }
    }
}
