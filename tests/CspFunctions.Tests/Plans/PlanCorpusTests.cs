using System.Text.Json;
using System.Text.Json.Nodes;
using CspFunctions.Import;
using CspFunctions.Tests.Infrastructure;

namespace CspFunctions.Tests.Plans;

/// <summary>Plans in layouts this code was not written around, most saved by LibreOffice from the sources in Corpus/sources
/// (build.sh), each with the plan it must read as beside it (NAME.expected.json): priorities, actions as stored (reference,
/// priority, text, leads, documents), contacts, updates with status and RAG, the column mapping and every warning, or, for a
/// broken file, every problem and nothing else. CSP_WRITE_CORPUS=1 writes NAME.actual.json next to the sources for review.</summary>
public sealed class PlanCorpusTests
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Plans", "Corpus");

    public static TheoryData<string> Cases() => [.. Directory.GetFiles(Folder, "*.expected.json").Select(f => Path.GetFileName(f)[..^".expected.json".Length]).Order()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_plan_reads_as_its_expected_result(string name)
    {
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, name + ".expected.json")))!;
        var actual = Read(expected["file"]!.GetValue<string>(), expected["round"]?.GetValue<string>());
        if (Environment.GetEnvironmentVariable("CSP_WRITE_CORPUS") == "1")
        {
            actual["file"] = expected["file"]!.GetValue<string>();
            if (expected["round"] is { } r) actual["round"] = r.GetValue<string>();
            File.WriteAllText(Path.Combine(SourceFolder(), name + ".actual.json"), actual.ToJsonString(Pretty));
        }
        foreach (var key in new[] { "priorities", "actions", "contacts", "updates", "columns", "warnings", "problems" })
        {
            var e = expected[key];
            var a = actual[key];
            Assert.True(JsonNode.DeepEquals(e, a), $"{name}: {key} differ.\nexpected: {e?.ToJsonString(Pretty)}\nactual:   {a?.ToJsonString(Pretty)}");
        }
    }

    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "Corpus");

    public static readonly CsvPlanHeader Header = new("corpus-plan", "Corpus plan", 2020, "CSP Manager", "csp.manager@example.org");

    /// <summary>The plan a file reads as, in the shape of the expected files.</summary>
    public static JsonObject Read(string file, string? round)
    {
        using var stream = File.OpenRead(Path.Combine(Folder, file));
        PlanReading reading;
        try { reading = UploadedPlanFile.ReadPlan(file, stream, Header, round); }
        catch (PlanImportException ex)
        {
            return new JsonObject { ["problems"] = new JsonArray([.. ex.Problems.Select(p => JsonValue.Create(p.ToString()))]) };
        }
        var (plan, updates) = PlanValidator.Validate(reading.Document);
        string Title(string id) => plan.Priorities.Single(p => p.Id == id).Title;
        string Ref(int number) => plan.Actions.Single(a => a.Number == number).Ref;
        return new JsonObject
        {
            ["priorities"] = new JsonArray([.. plan.Priorities.Select(p => JsonValue.Create(p.Title))]),
            ["actions"] = new JsonArray([.. plan.Actions.Select(a => (JsonNode)new JsonObject
            {
                ["ref"] = a.Ref,
                ["priority"] = Title(a.PriorityId),
                ["text"] = a.Text,
                ["leads"] = new JsonArray([.. a.LeadIds.Select(id => JsonValue.Create(plan.FindLead(id)!.Name))]),
                ["documents"] = new JsonArray([.. a.Documents.Select(d => JsonValue.Create(d.Url is null ? d.Title : $"{d.Title} <{d.Url}>"))]),
                ["restricted"] = a.Restricted,
            })]),
            ["contacts"] = new JsonObject(plan.Leads.Where(l => l.Contacts.Count > 0)
                .Select(l => KeyValuePair.Create(l.Name, (JsonNode?)new JsonArray([.. l.Contacts.Select(c => JsonValue.Create(c.Email))])))),
            ["updates"] = new JsonArray([.. updates.Select(u => (JsonNode)new JsonObject
            {
                ["ref"] = Ref(u.ActionNumber), ["round"] = u.RoundId, ["status"] = u.Status.ToString(), ["rag"] = u.Rag.ToString(), ["text"] = u.Text,
            })]),
            ["columns"] = new JsonArray([.. reading.Columns.Where(c => c.Header.Length > 0)
                .Select(c => JsonValue.Create($"{c.Label} \"{c.Header}\" -> {(c.Meaning is { } m ? PlanColumns.Describe(m) : "ignored")}"))]),
            ["warnings"] = new JsonArray([.. reading.Warnings.Select(w => JsonValue.Create(w))]),
            ["problems"] = new JsonArray(),
        };
    }

    /// <summary>The committed office files are what LibreOffice makes of the sources today: converting them again here reads as
    /// the same plans (so the expected results describe real LibreOffice output, not a hand-made file).</summary>
    [LibreOfficeFact]
    public async Task LibreOffice_saves_the_sources_as_files_that_read_as_the_expected_plans()
    {
        var sources = Path.Combine(Folder, "sources");
        var work = Directory.CreateTempSubdirectory("csp-corpus-").FullName;
        try
        {
            var head = File.ReadAllText(Path.Combine(sources, "fods.head"));
            var tail = File.ReadAllText(Path.Combine(sources, "fods.tail"));
            var converted = 0;
            foreach (var source in Directory.GetFiles(sources).Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".fods", StringComparison.Ordinal)).Order())
            {
                var name = Path.GetFileNameWithoutExtension(source);
                var copy = Path.Combine(work, Path.GetFileName(source));
                var text = File.ReadAllText(source);
                File.WriteAllText(copy, source.EndsWith(".fods", StringComparison.Ordinal) ? head + text.Replace("@HEAD@", "").Replace("@TAIL@", "") + tail : text);
                var office = await LibreOffice.ConvertAsync(copy, source.EndsWith(".html", StringComparison.Ordinal) ? "docx:MS Word 2007 XML" : "xlsx:Calc MS Excel 2007 XML");
                var target = Path.Combine(Folder, name + ".fresh" + Path.GetExtension(office));
                File.Copy(office, target, overwrite: true);
                try
                {
                    var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, name + ".expected.json")))!;
                    var fresh = Read(Path.GetFileName(target), expected["round"]?.GetValue<string>());
                    foreach (var key in new[] { "priorities", "actions", "updates", "warnings", "problems" })
                        Assert.True(JsonNode.DeepEquals(expected[key], fresh[key]), $"{name}: {key} differ after a fresh conversion:\n{fresh[key]?.ToJsonString(Pretty)}");
                }
                finally { File.Delete(target); }
                converted++;
            }
            Assert.True(converted >= 6, $"only {converted} sources were converted");
        }
        finally { Directory.Delete(work, recursive: true); }
    }
}
