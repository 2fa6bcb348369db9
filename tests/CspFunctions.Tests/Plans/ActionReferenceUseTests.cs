using System.Text.RegularExpressions;
using CspFunctions.Chasing;
using CspFunctions.Import;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Reporting;
using CspFunctions.Responses;
using CspFunctions.Tests.Reporting;
using MimeKit;

namespace CspFunctions.Tests.Plans;

/// <summary>References as the plan writes them (1.1, 1.2, 1.10, 2.1, 3a) are what people see and write everywhere a number
/// was shown before: reports (HTML, Markdown, CSV, Word), reminders and digests, form errors, reply markers. The internal
/// number stays the key progress is stored under.</summary>
public sealed class ActionReferenceUseTests
{
    private static readonly ValidatedPlan Validated = PlanValidator.Validate(new PlanDocument
    {
        Id = "refs",
        Name = "References CSP plan 2019-20",
        FinancialYearStart = 2019,
        Managers = [new() { Name = "Mo Manager", Email = "manager@example.org" }],
        Priorities = [new() { Id = "safer", Title = "Safer streets" }, new() { Id = "homes", Title = "Safer homes" }],
        Leads = [new() { Id = "police", Name = "Bedfordshire Police", Contacts = [new() { Name = "Pat Police", Email = "pat@example.org" }] }],
        // In file order; the plan keeps them in natural order within each priority.
        Actions =
        [
            new() { Reference = "1.10", PriorityId = "safer", Text = "Tenth safer-streets action.", LeadIds = ["police"] },
            new() { Reference = "2.1", PriorityId = "homes", Text = "First safer-homes action.", LeadIds = ["police"] },
            new() { Reference = "1.2", PriorityId = "safer", Text = "Second safer-streets action.", LeadIds = ["police"] },
            new() { Reference = "1.1", PriorityId = "safer", Text = "First safer-streets action.", LeadIds = ["police"] },
            new() { Reference = "3a", PriorityId = "homes", Text = "Lettered action.", LeadIds = ["police"] },
        ],
        Updates = [new() { RoundId = "2018-19-Q4", ActionReference = "1.10", Status = "On track", Rag = "Green", Text = "Tenth: on track." }],
    });

    private static Plan Plan => Validated.Plan;
    private static int NumberOf(string reference) => Plan.Actions.Single(a => a.Ref == reference).Number;
    private static readonly ReportingRound Round = ReportingRound.For("refs", new FinancialYear(2019).Quarter(1), new DateOnly(2019, 7, 19));

    private static void InOrder(string text, params string[] parts)
    {
        var at = parts.Select(p => text.IndexOf(p, StringComparison.Ordinal)).ToList();
        Assert.True(at.All(i => i >= 0), $"missing one of [{string.Join(" | ", parts)}] in:\n{text}");
        Assert.Equal(at.Order(), at);
    }

    [Fact]
    public void The_plan_keeps_references_as_written_in_natural_order_under_their_priorities()
    {
        Assert.Equal(["1.1", "1.2", "1.10", "2.1", "3a"], Plan.Actions.Select(a => a.Ref));
        Assert.Equal(5, Plan.Actions.Select(a => a.Number).Distinct().Count());
        Assert.Equal("1.10", Plan.RefOf(NumberOf("1.10")));
        Assert.Equal(NumberOf("1.10"), Validated.Updates.Single().ActionNumber);
    }

    [Fact]
    public void Reports_show_the_references_in_every_format_and_the_word_report_reads_back_with_them()
    {
        var updates = Validated.Updates.Select(u => ReportData.Update("refs", u.ActionNumber, u.Status, u.Rag, u.Text, "2019-20-Q1")).ToList();
        var report = ReportBuilder.Build(new ReportInputs(Plan, Round, updates, [], [], null), ReportAudience.Manager);

        var html = ReportTemplates.Render("report.html.sbn", report);
        InOrder(html, "class=\"no\">1.1<", "class=\"no\">1.2<", "class=\"no\">1.10<", "class=\"no\">2.1<", "class=\"no\">3a<");
        var markdown = ReportTemplates.Render("report.md.sbn", report);
        InOrder(markdown, "| 1.1 |", "| 1.2 |", "| 1.10 |", "| 2.1 |", "| 3a |");
        var csv = CsvReport.Render(report);
        InOrder(csv, ",1.1,", ",1.2,", ",1.10,", ",2.1,", ",3a,");

        var docx = WordReport.Render(report);
        using var stream = new MemoryStream(docx);
        var back = PlanValidator.Validate(WordPlanReader.Read(stream, new CsvPlanHeader("refs", "References CSP plan 2019-20", 2019, "Mo Manager", "manager@example.org"), "2019-20-Q1"), Plan);
        Assert.Equal(Plan.Actions.Select(a => (a.Ref, a.Number)), back.Plan.Actions.Select(a => (a.Ref, a.Number)));
        Assert.Equal("Tenth: on track.", back.Updates.Single(u => u.ActionNumber == NumberOf("1.10")).Text);
    }

    [Fact]
    public void Reminders_name_each_action_by_its_reference_and_suggest_it_as_the_reply_marker()
    {
        var lead = Plan.FindLead("police")!;
        var numbers = new[] { "1.10", "1.2", "2.1" }.Select(NumberOf).ToList();
        var mail = ReminderComposer.Reminder(Plan, Round, lead, new LeadChase("police", ChaseStageKey.Opening, numbers, lead.Contacts, []), lead.Contacts[0], [],
            new Dictionary<int, ProgressUpdate>(), "2018-19 quarter 4", "https://csp.example.org/api/respond/TOKEN", "reply+abcdefghijklmnopqrst@reply.example.org", "m@reply.example.org");
        Assert.Contains("Action 1.10: Tenth safer-streets action.", mail.TextBody);
        Assert.Contains("Action 2.1: First safer-homes action.", mail.TextBody);
        Assert.Matches(@"""#1\.\d+"" or ""Action 1\.\d+:""", mail.TextBody);
        Assert.Matches(new Regex(@"<strong>1\.10</strong>"), mail.HtmlBody);
        Assert.DoesNotContain($"Action {NumberOf("1.10")}:", mail.TextBody);
    }

    [Fact]
    public void The_managers_digest_lists_outstanding_actions_by_reference()
    {
        var lead = Plan.FindLead("police")!;
        var digest = new ManagerDigest("refs", Round.Id, new DateOnly(2019, 7, 1), Round.DueDate, 5, 0,
            [new OutstandingLead("police", lead.Name, new[] { "1.1", "1.10", "3a" }.Select(NumberOf).ToList())], [], Plan.Managers);
        var mail = ReminderComposer.Digest(Plan, Round, digest, Plan.Managers[0]);
        Assert.Contains("1.1, 1.10, 3a", mail.TextBody);
    }

    [Fact]
    public void Form_errors_name_the_action_by_its_reference()
    {
        var lead = Plan.FindLead("police")!;
        var context = new ResponseContext(null!, Plan, Round, lead, lead.Contacts[0], Plan.ActionsLedBy("police").ToList(), new Dictionary<int, ProgressUpdate>(), new Dictionary<int, ProgressUpdate>());
        var n = NumberOf("1.10");
        var submission = FormSubmission.Read(new Dictionary<string, string> { [FormSubmission.TextField(n)] = "Some progress." }, context, 8000);
        Assert.Contains(submission.Errors, e => e.FieldId == FormSubmission.StatusField(n) && e.Message == "Choose a status for action 1.10.");
    }

    [Fact]
    public void The_response_form_the_saved_page_and_the_confirmation_name_actions_by_reference()
    {
        var lead = Plan.FindLead("police")!;
        var context = new ResponseContext(null!, Plan, Round, lead, lead.Contacts[0], Plan.ActionsLedBy("police").ToList(), new Dictionary<int, ProgressUpdate>(), new Dictionary<int, ProgressUpdate>());
        var form = ResponseFormPage.For(context, "TOKEN", null, []);
        Assert.Equal(["1.1", "1.2", "1.10", "2.1", "3a"], form.Actions.Select(a => a.Ref));
        var html = Templating.PageRenderer.Render(ResponseFormPage.Template, form, new Templating.PageLayout("Form"));
        InOrder(html, ">Action 1.1</h2>", ">Action 1.2</h2>", ">Action 1.10</h2>", ">Action 2.1</h2>", ">Action 3a</h2>");

        var captured = new[] { "1.10", "1.2" }.Select(r => ReportData.Update("refs", NumberOf(r), ProgressStatus.OnTrack, Rag.Green, $"Progress on {r}.", Round.Id)).ToList();
        var mail = ResponseMail.Acknowledgement(context, captured, "", [], "https://csp.example.org/api/respond/TOKEN", [NumberOf("3a")]);
        InOrder(mail.TextBody, "Action 1.2 - On track, Green", "Action 1.10 - On track, Green");
        Assert.Contains("Action 3a: you said there was no change", mail.TextBody);
        Assert.Contains("Action 1.10: On track, Green", mail.HtmlBody);
    }

    [Fact]
    public void The_workbench_history_and_record_update_pages_name_actions_by_reference_not_by_number()
    {
        var tenth = Plan.Actions.Single(a => a.Ref == "1.10");
        Assert.NotEqual("1.10", tenth.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var history = global::CspFunctions.Workbench.HistoryPage.Action(Plan, new global::CspFunctions.Workbench.ActionHistory(tenth, false, []));
        Assert.Equal("Action 1.10", history.Title);
        Assert.Contains(">Action 1.10</h1>", Templating.PageRenderer.Render(global::CspFunctions.Workbench.HistoryPage.Template, history, new Templating.PageLayout(history.Title)));

        var lead = Plan.FindLead("police")!;
        var record = new global::CspFunctions.Workbench.LeadRecord(Plan, lead, Plan.ActionsLedBy("police").ToList(), [Round], [], [], []);
        var leadPage = global::CspFunctions.Workbench.HistoryPage.Lead(record, new ManagerLinks());
        Assert.Equal(["1.1", "1.2", "1.10", "2.1", "3a"], leadPage.Actions.Select(a => a.Text[7..a.Text.IndexOf(':')]));

        var recordPage = global::CspFunctions.Workbench.RecordUpdatePage.For(Plan, Round, lead, new Dictionary<int, ProgressUpdate>(), new DateOnly(2019, 7, 1), new ManagerLinks());
        var html = Templating.PageRenderer.Render(global::CspFunctions.Workbench.RecordUpdatePage.Template, recordPage, new Templating.PageLayout(recordPage.Title));
        InOrder(html, ">Action 1.1</label>", ">Action 1.2</label>", ">Action 1.10</label>", ">Action 2.1</label>", ">Action 3a</label>");
        Assert.Contains(">Text for action 1.10</label>", html);
        Assert.DoesNotContain($">Action {tenth.Number}</label>", html);

        // A chosen action posted without a status is named by its reference in the error.
        var n = tenth.Number;
        var posted = global::CspFunctions.Workbench.ActionEntries.Posted(Plan, lead, new Dictionary<int, ProgressUpdate>(),
            field => field == $"include-{n}" ? "yes" : field == $"text-{n}" ? "Tenth." : null);
        Assert.Contains(posted.Errors, e => e.FieldId == $"status-{n}" && e.Message == "Choose a status for action 1.10");
    }

    [Fact]
    public void The_round_page_lists_each_leads_actions_by_reference_in_natural_order()
    {
        var updates = new[] { ReportData.Update("refs", NumberOf("1.10"), ProgressStatus.OnTrack, Rag.Green, "Tenth.", Round.Id) };
        var report = ReportBuilder.Build(new ReportInputs(Plan, Round, updates, [], [], null), ReportAudience.Manager);
        var page = ManageRoundPage.For(Plan, Round, report, RoundStatus.Of(Plan, updates, [], []), null, null, new ManagerLinks(), DateTimeOffset.UnixEpoch);
        var row = page.Leads.Single();
        Assert.Equal("1.1, 1.2, 1.10, 2.1, 3a", row.Actions);
        Assert.Equal("1.1, 1.2, 2.1, 3a", row.Outstanding);
    }

    [Fact]
    public void Reply_markers_with_references_go_to_their_actions_and_1_1_is_not_1_10()
    {
        var lead = Plan.FindLead("police")!;
        var message = new MimeMessage { Subject = "Re: update" };
        message.From.Add(MailboxAddress.Parse("pat@example.org"));
        message.Body = new TextPart("plain") { Text = "Hi,\n\n#1.10 Tenth done.\n\nAction 2.1: homes started.\n\n#1.1 first under way.\n\n3a) lettered underway.\n\nThanks\nPat" };
        var decision = new ReplyInterpreter(new ResponseOptions("https://csp.example", "reply.example.org"))
            .Interpret(new ReplyInput(message, lead, Plan.ActionsLedBy("police").ToList(), new Dictionary<int, ProgressUpdate>(), new SenderAuthentication("pass", "{@example.org : pass}", null), DateTimeOffset.UnixEpoch));
        Assert.Equal(
            [(NumberOf("1.10"), "Tenth done."), (NumberOf("2.1"), "homes started."), (NumberOf("1.1"), "first under way."), (NumberOf("3a"), "lettered underway.")],
            decision.Updates.Select(u => (u.ActionNumber, u.Text)));

        // The manager's desk splits a held reply the same way.
        var split = ReplySections.Split("#1.2 second.\nAction 1.10 - tenth.", Plan.ActionsLedBy("police"));
        Assert.Equal([(NumberOf("1.2"), "second."), (NumberOf("1.10"), "tenth.")], split.Sections.Select(s => (s.ActionNumber, s.Text)));
    }
}
