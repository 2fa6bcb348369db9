using System.Diagnostics;
using System.Text;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Responses;
using MimeKit;

namespace CspFunctions.Bench;

/// <summary>
/// The reply interpreter, in memory (no storage):
/// 1. a typical 5 KB Outlook reply (multipart/alternative: greeting, three sections with RAG, sign-off, signature,
///    disclaimer, quoted reminder): parse + interpret, against a bare MimeKit parse of the same bytes;
/// 2. HTML-only replies of 5 KB, 500 KB and 2 MB: parse + interpret time per byte, each against the 5 KB figure, to show
///    that time grows linearly with size (a ratio near 1 at every size), and each against its own bare parse.
/// Pass a byte count to change the largest size (e.g. "replies 200000").
/// </summary>
public sealed class ReplyInterpreterBench : IBenchProgram
{
    public string Name => "replies";
    public string Description => "Reply interpreter: 5 KB reply vs bare MimeKit parse; 5 KB / 500 KB / 2 MB HTML-only replies, time per byte vs 5 KB";

    private static readonly Lead Police = new("bedfordshire-police", "Bedfordshire Police", [new Contact("Sam Officer", "bedfordshire-police@example.org")]);
    private static readonly List<PlanAction> Actions = [new(9, "p1", "Knife crime", [Police.Id], []), new(19, "p1", "Domestic abuse", [Police.Id], []), new(24, "p1", "OSST", [Police.Id], [])];
    private static readonly SenderAuthentication Verified = new("pass", "{@example.org : pass}", "bounces@example.org");
    private static readonly ReplyInterpreter Interpreter = new(new ResponseOptions("https://csp.example", "reply.example.org") { MaxProgressText = int.MaxValue });

    public async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var report = new BenchReport(Name, "Reply interpreter: typical reply vs a bare MimeKit parse; time per byte of HTML-only replies by size", "dotnet run -c Release --project bench/CspFunctions.Bench -- replies");
        var largest = options.Int(0, full: 2 * 1024 * 1024, smoke: 64 * 1024);
        var typical = TypicalReply();
        report.Check("the typical reply updates three actions", Interpret(typical).Updates.Count == 3);
        var parse = Median(() => Parse(typical), options.Smoke);
        var interpret = Median(() => Interpret(typical), options.Smoke);
        report.Figure($"Typical reply ({typical.Length:N0} bytes): parse + interpret, median, vs a bare MimeKit parse of the same bytes", interpret, parse, "ms");

        double? perByteAt5K = null;
        foreach (var size in new[] { 5 * 1024, Math.Min(500 * 1024, largest / 4), largest })
        {
            var html = HtmlOnlyReply(size);
            report.Check($"the {html.Length:N0} byte HTML-only reply updates three actions", Interpret(html).Updates.Count == 3);
            var bare = Median(() => Parse(html), options.Smoke);
            var full = Median(() => Interpret(html), options.Smoke);
            var perByte = full / html.Length;
            perByteAt5K ??= perByte;
            report.Figure($"HTML-only reply {html.Length / 1024.0:N0} KB: parse + interpret, median, vs a bare MimeKit parse", full, bare, "ms");
            report.Figure($"HTML-only reply {html.Length / 1024.0:N0} KB: time per byte vs the 5 KB reply's (linear growth is a ratio of at most about 1)", perByte * 1e6, perByteAt5K.Value * 1e6, "ns/byte");
        }
        return await report.FinishAsync(options);
    }

    private static MimeMessage Parse(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return MimeMessage.Load(stream);
    }

    private static ReplyDecision Interpret(byte[] bytes) =>
        Interpreter.Interpret(new ReplyInput(Parse(bytes), Police, Actions, new Dictionary<int, ProgressUpdate>(), Verified, DateTimeOffset.UnixEpoch.AddYears(49)));

    /// <summary>Median milliseconds over enough runs to take about a second (at least 5), after a warm-up.</summary>
    private static double Median(Action action, bool smoke)
    {
        for (var i = 0; i < 3; i++) action();
        var probe = Stopwatch.StartNew();
        action();
        var runs = smoke ? 3 : Math.Clamp((int)(1000 / Math.Max(0.001, probe.Elapsed.TotalMilliseconds)), 5, 2000);
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    private const string Signature = "Kind regards\n\nPC 1234 Sam Officer\nCommunity Safety Unit | Bedfordshire Police\nTel: 01234 841212 ext 5678 | Mobile: 07700 900456\nPronouns: he/him\nwww.bedfordshire.police.uk\n\n";
    private const string Disclaimer = "This communication contains information which is confidential and may also be privileged. It is for the exclusive use of the intended recipient(s). " +
                                      "If you have received this communication in error please notify the sender and delete it.\n\n";

    private static byte[] TypicalReply()
    {
        var quote = "From: CSP Manager <csp.manager@example.org>\nSent: 01 July 2019 09:00\nTo: Bedfordshire Police\nSubject: Progress update needed\n\n" +
                    string.Concat(Enumerable.Repeat("Please send your progress update for actions 9, 19 and 24 by 23 July 2019. Reply to this email or use your link.\n", 12));
        var text = "OFFICIAL\n\nGood morning Kate,\n\nUpdates below.\n\n" +
                   "Action 9 - Op Sceptre week of action ran in June: 14 knives surrendered at the amnesty bins and 6 arrests. Schools input reached 1,200 pupils.\nRAG: Green\n\n" +
                   "19) MARAC referrals are up 12% on last quarter; the new IDVA starts in August and the backlog is being worked through.\nStatus: At risk\n\n" +
                   "#24 OSST patrols are now part of business as usual.\nStatus: Complete, RAG: Green\n\n" + Signature + Disclaimer + quote;
        var html = "<html><body>" + string.Concat(text.Split('\n').Select(l => $"<p class=\"MsoNormal\">{System.Net.WebUtility.HtmlEncode(l)}</p>")) + "</body></html>";
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Officer, Sam", "bedfordshire-police@example.org"));
        message.To.Add(MailboxAddress.Parse("reply+abcdefghijklmnopqrst@reply.example.org"));
        message.Subject = "RE: Progress update needed: Bedfordshire Police, 2019-20-Q1";
        message.MessageId = "bench-typical@example.org";
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return Bytes(message);
    }

    /// <summary>An Outlook-style HTML-only reply of about <paramref name="size"/> bytes: three sections whose text grows with
    /// the size, then a signature, a disclaimer and the quoted reminder.</summary>
    private static byte[] HtmlOnlyReply(int size)
    {
        var sentence = "<p class=\"MsoNormal\">Patrols continued in the town centre and the partnership met as planned; figures are in the dashboard &amp; the minutes.</p>\n";
        var tail = "<p class=\"MsoNormal\">Kind regards</p><p class=\"MsoNormal\">PC 1234 Sam Officer</p><p class=\"MsoNormal\">Tel: 01234 841212</p>" +
                   "<p class=\"MsoNormal\">This communication contains information which is confidential and may also be privileged. If you have received this communication in error please notify the sender and delete it.</p>" +
                   "<div style=\"border:none;border-top:solid #E1E1E1 1.0pt\"><p class=\"MsoNormal\"><b>From:</b> CSP Manager<br><b>Sent:</b> 01 July 2019 09:00</p></div><p class=\"MsoNormal\">Please send your progress update.</p>";
        var html = new StringBuilder("<html><head><style>p.MsoNormal{margin:0cm}</style></head><body><div class=\"WordSection1\"><p class=\"MsoNormal\">Hi Kate,</p><p class=\"MsoNormal\">&nbsp;</p>");
        var perSection = Math.Max(1, (size - 1500) / 3 / Encoding.UTF8.GetByteCount(sentence));
        foreach (var n in new[] { 9, 19, 24 })
        {
            html.Append($"<p class=\"MsoNormal\">Action {n}: update follows.</p>\n");
            for (var i = 0; i < perSection; i++) html.Append(sentence);
            html.Append("<p class=\"MsoNormal\">&nbsp;</p>\n");
        }
        html.Append(tail).Append("</div></body></html>");
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Officer, Sam", "bedfordshire-police@example.org"));
        message.To.Add(MailboxAddress.Parse("reply+abcdefghijklmnopqrst@reply.example.org"));
        message.Subject = "RE: Progress update needed";
        message.MessageId = $"bench-html-{size}@example.org";
        message.Body = new TextPart("html") { Text = html.ToString(), ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        return Bytes(message);
    }

    private static byte[] Bytes(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
