using System.Text;
using CsCheck;
using CspFunctions.Responses;
using MimeKit;

namespace CspFunctions.Tests.Responses;

/// <summary>Random and mutated input never makes the reply-text rules or the token parser throw.</summary>
public sealed class ResponseFuzzTests
{
    private static readonly string[] Fragments =
    [
        "From: ", "Sent: ", "On Mon, 1 Jul 2019 ", " wrote:", "-----Original Message-----", "> ", "-- ", "Sent from my iPhone", "#", "Action ", "9.", "19) ",
        "Status: ", "RAG: ", "amber", "complete", "Kind regards,", "\n", "\r\n", "\n\n", "£", "€", "“", "<div class=\"gmail_quote\">", "<blockquote>", "<p>", "</p>",
        "<br>", "&amp;", "&#", "<script>", "until ", "back on ", "31/02", "29 February", "1st", "Jan ", "99999", "0", "Am ", " schrieb ", ":", "\u0000", "\uFFFD",
        "OFFICIAL", "OFFICIAL-SENSITIVE", "NOT PROTECTIVELY MARKED", "Hi Jo,", "Please see updates below.", "Regards", "Mit freundlichen Grüßen", "Pozdrawiam", "Diolch",
        "Cordialement,", "T: 01582 546000", "she/her", "www.luton.gov.uk", "[cid:image001.png@01D5]", "This email and any attachments are confidential", "if you have received this email in error",
        "Think before you print", "No change", "As last quarter", "#1.2", "Action 2.1:", "3a)", "(9)", "RAG: amber", "Status: complete, RAG: Green", "W dniu ", " pisze:", "Ar ", " ysgrifennodd ",
        "________________________________", "-------- Original message --------", "Get Outlook for iOS", "Sent from my iPhone", "<div class=\"gmail_signature\">", "<p class=MsoNormal>", "</div>", "<li>",
        "bis 19.07.2019", "2019-07-15", "Jo Bloggs", "-- \n", "\t", "    ",
    ];

    private static readonly Gen<string> MailLike = Gen.OneOf(Gen.String, Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i])).Array[0, 40].Select(parts => string.Concat(parts));

    [Fact]
    public void The_reply_extractor_and_section_splitter_never_throw() =>
        MailLike.Sample(text =>
        {
            var reply = ReplyText.Extract(text);
            Assert.NotNull(reply);
            var split = ReplySections.Split(reply, [9, 19, 24]);
            Assert.All(split.Sections, s => Assert.Contains(s.ActionNumber, new[] { 9, 19, 24 }));
            _ = ReplySections.Split(reply, [5]);
        }, iter: 3000);

    [Fact]
    public void The_reply_interpreter_never_throws_whatever_the_message_and_sender_results() =>
        Gen.Select(MailLike, MailLike, Gen.Int[0, 5], Gen.Bool).Sample(t =>
        {
            var (body, subject, variant, html) = t;
            var message = new MimeMessage();
            message.From.Add(variant switch
            {
                0 => MailboxAddress.Parse("bedfordshire-police@example.org"),
                1 => new MailboxAddress(subject.Length > 200 ? subject[..200] : subject, "sam.officer@example.org"),
                _ => MailboxAddress.Parse("someone@elsewhere.example"),
            });
            message.Subject = subject;
            if (variant == 3) message.Headers.Add("Auto-Submitted", "auto-replied");
            message.Body = html ? new TextPart("html") { Text = body } : new TextPart("plain") { Text = body };
            var lead = new CspFunctions.Plans.Lead("police", "Bedfordshire Police", [new CspFunctions.Plans.Contact("Sam Officer", "sam.officer@example.org"), new CspFunctions.Plans.Contact("Bedfordshire Police", "bedfordshire-police@example.org")]);
            var actions = new[] { 9, 19, 24 }.Select(n => new CspFunctions.Plans.PlanAction(n, "p1", "Action", ["police"], [])).ToList();
            var last = new Dictionary<int, CspFunctions.Progress.ProgressUpdate> { [9] = new("p", "2018-19-Q4", 9, 1, CspFunctions.Progress.ProgressStatus.OnTrack, CspFunctions.Progress.Rag.Green, "Last quarter.", "Sam", null, DateTimeOffset.UnixEpoch, CspFunctions.Progress.UpdateChannel.Form) };
            var auth = variant switch { 4 => SenderAuthentication.None, 5 => new SenderAuthentication(body, subject, body), _ => new SenderAuthentication("pass", "{@example.org : pass}", "b@example.org") };
            var decision = new ReplyInterpreter(new ResponseOptions("https://csp.example", "reply.example.org")).Interpret(new ReplyInput(message, lead, actions, last, auth, DateTimeOffset.UnixEpoch.AddYears(49)));
            Assert.NotNull(decision.Reason);
            Assert.All(decision.Updates, u => Assert.Contains(u.ActionNumber, new[] { 9, 19, 24 }));
            if (decision.Kind != ReplyKind.Update) Assert.Empty(decision.Updates);
        }, iter: 3000);

    [Fact]
    public void Html_to_text_and_return_dates_never_throw() =>
        MailLike.Sample(text =>
        {
            Assert.NotNull(MailText.HtmlToText(text));
            _ = AutoReply.ReturnDate(text, DateTimeOffset.UnixEpoch.AddYears(49));
            _ = AutoReply.IsOutOfOfficeSubject(text);
        }, iter: 3000);

    [Fact]
    public void Mime_parsing_and_body_decoding_of_random_bytes_never_throw() =>
        Gen.Byte.Array[0, 2000].Sample(bytes =>
        {
            var prefix = Encoding.ASCII.GetBytes("From: a@example.org\r\nContent-Type: text/plain; charset=windows-1252\r\n\r\n");
            using var stream = new MemoryStream([.. prefix, .. bytes]);
            var message = MimeMessage.Load(stream);
            Assert.NotNull(ReplyText.Extract(MailText.BodyOf(message)));
        }, iter: 1000);

    [Fact]
    public void The_token_parser_rejects_random_and_mutated_tokens_without_throwing()
    {
        var signer = new LinkSigner(new Dictionary<string, byte[]> { ["k1"] = Encoding.UTF8.GetBytes(new string('k', 40)) }, "k1", TimeProvider.System);
        var claims = new LinkClaims(LinkClaims.RespondPurpose, "plan", "2019-20-Q1", "lead", "jo@example.org", DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds());
        var valid = signer.Create(claims);
        Assert.True(signer.Validate(valid, LinkClaims.RespondPurpose).IsValid);

        Gen.String.Sample(token => Assert.False(signer.Validate(token, LinkClaims.RespondPurpose).IsValid), iter: 3000);
        Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Int[0, 12].Select(i => "-_.aAzZ09+/=%"[i])).Sample(t =>
        {
            var mutated = valid[..t.Item1] + t.Item2 + valid[(t.Item1 + 1)..];
            var result = signer.Validate(mutated, LinkClaims.RespondPurpose);
            // A changed last base64url character can decode to the same bytes; what matters is that no other claims get through.
            Assert.True(!result.IsValid || result.Claims == claims, $"mutated token accepted with other claims: {mutated}");
        }, iter: 3000);
        Gen.Int[0, valid.Length - 1].Sample(cut => Assert.False(signer.Validate(valid[..cut], LinkClaims.RespondPurpose).IsValid), iter: 500);
    }
}
