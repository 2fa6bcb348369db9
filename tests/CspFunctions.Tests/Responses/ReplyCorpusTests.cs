using System.Text;
using System.Text.Json;
using CspFunctions.Import;
using CspFunctions.LocalHost;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Responses;
using MimeKit;

namespace CspFunctions.Tests.Responses;

/// <summary>
/// Responses/Corpus: raw replies as real clients write them (Outlook desktop, web, iOS and Mac, Gmail, Apple Mail, iOS,
/// Android, Thunderbird, Notes; utf-8, windows-1252, iso-8859-1/2, QP, base64 and 8bit), each with the meaning it must
/// have beside it in a .json file, read by the interpreter against the Luton sample plan and its 2018-19 Q4 updates.
/// </summary>
public sealed class ReplyCorpusTests
{
    private static readonly string Folder = Path.Combine(StorageFixtureRoot.Path, "tests", "CspFunctions.Tests", "Responses", "Corpus");
    private static readonly Lazy<ValidatedPlan> Sample = new(() =>
    {
        using var stream = File.OpenRead(RepoPaths.SamplePlan(StorageFixtureRoot.Path));
        return PlanValidator.Validate(PlanReader.ReadJson(stream));
    });

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal)) data.Add(Path.GetFileNameWithoutExtension(file));
        return data;
    }

    public static MimeMessage Load(string name)
    {
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(Folder, name + ".eml"))).Replace("{{REPLY}}", "reply+abcdefghijklmnopqrst@reply.example.org");
        using var stream = new MemoryStream(Encoding.Latin1.GetBytes(text));
        return MimeMessage.Load(stream);
    }

    public static JsonElement Expected(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, name + ".json"))).RootElement;

    public static SenderAuthentication AuthenticationOf(JsonElement expected) =>
        expected.GetProperty("auth") is { ValueKind: JsonValueKind.Object } a
            ? new(a.GetProperty("spf").GetString(), a.GetProperty("dkim").GetString(), a.GetProperty("envelopeFrom").GetString())
            : SenderAuthentication.None;

    private static Dictionary<int, ProgressUpdate> LastQuarter(IEnumerable<int> without) =>
        Sample.Value.Updates.Where(u => !without.Contains(u.ActionNumber))
            .ToDictionary(u => u.ActionNumber, u => new ProgressUpdate(Sample.Value.Plan.Id, u.RoundId, u.ActionNumber, 1, u.Status, u.Rag, u.Text, u.GivenBy, null, DateTimeOffset.UnixEpoch, u.Channel));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_reply_in_the_corpus_means_what_its_expected_file_says(string name)
    {
        var message = Load(name);
        var expected = Expected(name);
        var plan = Sample.Value.Plan;
        var lead = plan.FindLead(expected.GetProperty("lead").GetString()!)!;
        var without = expected.TryGetProperty("withoutLastQuarter", out var w) ? w.EnumerateArray().Select(e => e.GetInt32()).ToList() : [];
        var last = LastQuarter(without);
        var decision = new ReplyInterpreter(new ResponseOptions("https://csp.example", "reply.example.org"))
            .Interpret(new ReplyInput(message, lead, plan.ActionsLedBy(lead.Id).ToList(), last, AuthenticationOf(expected), message.Date));

        Assert.Equal(expected.GetProperty("kind").GetString(), decision.Kind.ToString());
        if (expected.TryGetProperty("reasonContains", out var reason)) Assert.Contains(reason.GetString()!, decision.Reason);
        if (expected.TryGetProperty("returnDate", out var back)) Assert.Equal(DateOnly.Parse(back.GetString()!), decision.ReturnDate);
        if (decision.Kind is ReplyKind.NotFromContact) Assert.Empty(decision.Updates);

        var updates = expected.TryGetProperty("updates", out var u) ? u.EnumerateObject().ToList() : [];
        Assert.Equal(updates.Select(p => int.Parse(p.Name)).Order(), decision.Updates.Select(x => x.ActionNumber).Order());
        foreach (var property in updates)
        {
            var actual = decision.Updates.Single(x => x.ActionNumber == int.Parse(property.Name));
            var want = property.Value;
            var noChange = want.TryGetProperty("noChange", out var nc) ? Enum.Parse<CarryForward>(nc.GetString()!) : CarryForward.None;
            Assert.Equal(noChange, actual.NoChange);
            var text = noChange == CarryForward.Carried
                ? ResponseDesk.ConfirmedUnchanged(last[actual.ActionNumber].Text, message.Date, decision.Contact!.Name)
                : want.GetProperty("text").GetString();
            Assert.Equal(text, actual.Text);
            Assert.Equal(want.TryGetProperty("status", out var s) ? Enum.Parse<ProgressStatus>(s.GetString()!) : noChange == CarryForward.Carried ? last[actual.ActionNumber].Status : null, actual.Status);
            Assert.Equal(want.TryGetProperty("rag", out var r) ? Enum.Parse<Rag>(r.GetString()!) : noChange == CarryForward.Carried ? last[actual.ActionNumber].Rag : null, actual.Rag);
        }
        Assert.Equal(expected.TryGetProperty("unassigned", out var un) ? un.GetString() : "", decision.Unassigned);
        Assert.Equal(expected.TryGetProperty("evidence", out var ev) ? ev.GetInt32() : 0, decision.Evidence.Count);
    }

    [Fact]
    public void The_corpus_has_at_least_30_messages_each_with_its_expected_result()
    {
        var emls = Directory.GetFiles(Folder, "*.eml");
        Assert.True(emls.Length >= 30, $"{emls.Length} messages");
        Assert.All(emls, f => Assert.True(File.Exists(Path.ChangeExtension(f, ".json")), f));
        // Different clients, charsets and transfer encodings.
        var heads = emls.Select(f => File.ReadAllText(f, Encoding.Latin1)).ToList();
        foreach (var marker in new[] { "quoted-printable", "base64", "windows-1252", "iso-8859-1", "utf-8", "Thunderbird", "IBM Notes", "iPad Mail", "MacOutlook", "gmail.com", "outlook.com", "email.android.com" })
            Assert.Contains(heads, h => h.Contains(marker, StringComparison.OrdinalIgnoreCase));
    }
}
