using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Responses;
using MimeKit;

namespace CspFunctions.Tests.Responses;

public sealed class ReplyRulesTests
{
    [Theory]
    [InlineData("Done.\n\n-----Original Message-----\nFrom: CSP\nPlease reply", "Done.")]
    [InlineData("Done.\n\n-----Ursprüngliche Nachricht-----\nVon: CSP", "Done.")]
    [InlineData("Done.\n\nFrom: CSP Manager <csp@example.org>\nSent: 01 July 2019 09:00\nTo: Housing\n\nOld", "Done.")]
    [InlineData("Done.\n\n*From:* CSP Manager\n*Sent:* Monday\nOld", "Done.")]
    [InlineData("Done.\n\nDe : CSP Manager\nEnvoyé : lundi 1 juillet 2019\nOld", "Done.")]
    [InlineData("Done.\n\nOn Mon, 1 Jul 2019 at 09:00, CSP Manager <csp@example.org> wrote:\n> Old", "Done.")]
    [InlineData("Done.\n\nLe lun. 1 juil. 2019 à 09:00, CSP Manager <csp@example.org> a écrit :\n> Old", "Done.")]
    [InlineData("Done.\n\nEl lun, 1 jul 2019 a las 9:00, CSP escribió:\n> Old", "Done.")]
    [InlineData("Done.\n\nSent from my iPhone\n\nOn 1 Jul 2019, at 09:00, CSP wrote:", "Done.")]
    [InlineData("Done.\n\nGet Outlook for Android", "Done.")]
    [InlineData("Done.\n-- \nJo Bloggs\nHousing", "Done.")]
    [InlineData("Line one\n> quoted\nLine two", "Line one\nLine two")]
    [InlineData("From: the start of the project we have met monthly.\nStill going.", "From: the start of the project we have met monthly.\nStill going.")]
    public void Reply_text_keeps_only_what_the_lead_wrote(string body, string expected) => Assert.Equal(expected, ReplyText.Extract(body));

    [Fact]
    public void A_reply_for_a_lead_with_one_action_is_that_actions_update_even_with_a_heading()
    {
        var split = ReplySections.Split("Action 5: All good.\nStatus: at risk", [5]);
        var section = Assert.Single(split.Sections);
        Assert.Equal((5, "All good.", (ProgressStatus?)ProgressStatus.AtRisk, (Rag?)null), (section.ActionNumber, section.Text, section.Status, section.Rag));
        Assert.Equal("", split.Unassigned);
    }

    [Fact]
    public void Sections_go_to_the_leads_actions_and_anything_else_is_unassigned()
    {
        var split = ReplySections.Split("Hello,\n#9 First.\n19) Second\nmore\nAction 7: not theirs\nAction 24 - Third\nRAG: red", [9, 19, 24]);
        Assert.Equal([(9, "First."), (19, "Second\nmore"), (24, "Third")], split.Sections.Select(s => (s.ActionNumber, s.Text)));
        Assert.Equal(Rag.Red, split.Sections.Single(s => s.ActionNumber == 24).Rag);
        // A greeting before the first section is not something to place.
        Assert.Equal("Action 7: not theirs", split.Unassigned);
    }

    [Fact]
    public void Sections_take_non_integer_references_as_the_plan_writes_them()
    {
        var split = ReplySections.Split("Hi,\n#1.2 First part.\nAction 3a: Second part.\n- still the second\n#2.1 someone else's", new Dictionary<string, int> { ["1.2"] = 12, ["3a"] = 31 });
        Assert.Equal([(12, "First part."), (31, "Second part.\n- still the second")], split.Sections.Select(s => (s.ActionNumber, s.Text)));
        Assert.Equal("#2.1 someone else's", split.Unassigned);
    }

    [Fact]
    public void The_interpreter_matches_sections_to_the_actions_references()
    {
        var lead = new Lead("l1", "Lead", [new Contact("Jo", "jo@example.org")]);
        var actions = new List<PlanAction> { new(12, "p1", "A", ["l1"], []) { Reference = "1.2" }, new(31, "p1", "B", ["l1"], []) { Reference = "3a" } };
        var message = new MimeMessage { Subject = "Re: update" };
        message.From.Add(MailboxAddress.Parse("jo@example.org"));
        message.Body = new TextPart("plain") { Text = "Action 1.2 - done.\n\nAction 3a: started.\n\nThanks\nJo" };
        var decision = new ReplyInterpreter(new ResponseOptions("https://csp.example", "reply.example.org"))
            .Interpret(new ReplyInput(message, lead, actions, new Dictionary<int, ProgressUpdate>(), new SenderAuthentication("pass", "{@example.org : pass}", null), DateTimeOffset.UnixEpoch));
        Assert.Equal([(12, "done."), (31, "started.")], decision.Updates.Select(u => (u.ActionNumber, u.Text)));
    }

    [Theory]
    [InlineData("I am back in the office on Monday 15 July 2019.", "2019-07-15")]
    [InlineData("Returning 3rd September", "2019-09-03")]
    [InlineData("I'm away until 02/01/2020", "2020-01-02")]
    [InlineData("Back on January 6, 2020", "2020-01-06")]
    [InlineData("Out of the office until 1 March", "2020-03-01")]
    public void The_return_date_is_read_from_common_out_of_office_wording(string text, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), AutoReply.ReturnDate(text, new DateTimeOffset(2019, 7, 5, 9, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("I will reply as soon as I can.")]
    [InlineData("I was back on 1 January 2019.")]
    public void No_return_date_is_invented(string text) => Assert.Null(AutoReply.ReturnDate(text, new DateTimeOffset(2019, 7, 5, 9, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied", "Re: update", true)]
    [InlineData("Auto-Submitted", "no", "Re: update", false)]
    [InlineData("X-Autoreply", "yes", "Re: update", true)]
    [InlineData("X-Autorespond", "yes", "Re: update", true)]
    [InlineData("X-Mailer", "Outlook", "Automatic reply: Progress update", true)]
    [InlineData("X-Mailer", "Outlook", "Out of Office: Progress update", true)]
    [InlineData("X-Mailer", "Outlook", "Re: Progress update", false)]
    public void Automatic_replies_are_recognised_by_header_or_subject(string header, string value, string subject, bool expected)
    {
        var message = new MimeMessage { Subject = subject };
        message.Headers.Add(header, value);
        Assert.Equal(expected, AutoReply.IsAutoReply(message));
    }

    [Fact]
    public void A_link_expires_at_the_end_of_the_due_date_plus_the_grace_period_and_has_the_agreed_url_shape()
    {
        var plan = new Plan("p1", "Plan", 2019, "Europe/London", null, [], [], [new Lead("l1", "Lead", [new Contact("Jo", "jo@example.org")])], []);
        var round = ReportingRound.For("p1", new FinancialYear(2019).Quarter(1), new DateOnly(2019, 7, 23));
        var claims = ResponseLinks.ClaimsFor(plan, round, plan.Leads[0], plan.Leads[0].Contacts[0]);
        Assert.Equal(new DateTimeOffset(2019, 8, 7, 0, 0, 0, TimeSpan.Zero), claims.ExpiresAt);
        Assert.Equal((LinkClaims.RespondPurpose, "p1", "2019-20-Q1", "l1", "jo@example.org"), (claims.Purpose, claims.PlanId, claims.RoundId, claims.LeadId, claims.ContactEmail));
        Assert.Equal(new DateTimeOffset(2019, 7, 27, 0, 0, 0, TimeSpan.Zero), ResponseLinks.ExpiryFor(round, TimeSpan.FromDays(3)));
        Assert.Equal("https://csp.example/api/respond/a.b-c_d", ResponseLinks.FormUrl("https://csp.example/", "a.b-c_d"));
    }

    [Fact]
    public void Html_mail_becomes_text_without_styles_scripts_or_quoted_history()
    {
        var text = MailText.HtmlToText("<html><head><title>t</title><style>p{}</style></head><body><p>One&nbsp;&amp; two</p><script>x()</script><div>Three<br>Four</div><blockquote>old</blockquote><p>after</p></body></html>");
        Assert.Equal("One & two\n\nThree\nFour", text);
    }
}
