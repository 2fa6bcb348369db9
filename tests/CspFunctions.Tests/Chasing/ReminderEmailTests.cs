using AngleSharp.Html.Parser;
using CspFunctions.Chasing;
using CspFunctions.Import;
using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Tests.Chasing;

public sealed class ReminderEmailTests
{
    private static readonly Plan Plan = PlanValidator.Validate(ChasingTestBed.SmallPlan("emails")).Plan;
    private static readonly ReportingRound Round = ReportingRound.For("emails", new FinancialYear(2019).Quarter(1), new DateOnly(2019, 7, 19));

    private static Messaging.OutgoingMail Compose(string leadId, ChaseStageKey stage, IReadOnlyList<int> actions, IReadOnlyList<Contact>? copyTo = null)
    {
        var lead = Plan.FindLead(leadId)!;
        var previous = new Dictionary<int, ProgressUpdate>
        {
            [1] = new("emails", "2018-19-Q4", 1, 1, ProgressStatus.OnTrack, Rag.Green, "Patrols weekly <b>bold</b>.\n\n- Park A\n- Park B", "Pat", null, DateTimeOffset.UnixEpoch, UpdateChannel.Form),
            [4] = new("emails", "2018-19-Q4", 4, 1, ProgressStatus.AtRisk, Rag.Amber, "Secret progress.", "Cy", null, DateTimeOffset.UnixEpoch, UpdateChannel.Form),
        };
        var chase = new LeadChase(leadId, stage, actions, lead.Contacts, copyTo ?? []);
        return ReminderComposer.Reminder(Plan, Round, lead, chase, lead.Contacts[0], copyTo ?? [], previous, "2018-19 quarter 4",
            "https://csp.example.org/api/respond/TOKEN", "reply+abcdefghijklmnopqrst@reply.example.org", "csp.x.opening.1@reply.example.org");
    }

    [Fact]
    public void One_message_lists_every_owed_action_with_its_last_update_and_the_personal_link()
    {
        var mail = Compose("police", ChaseStageKey.Opening, [1, 2]);
        Assert.Equal("Your 2019-20 quarter 1 progress update is requested, due Friday 19 July 2019", mail.Subject);
        Assert.Contains("Action 1: Patrol the park.", mail.TextBody);
        Assert.Contains("Last update (2018-19 quarter 4, On track, Green): Patrols weekly <b>bold</b>.", mail.TextBody);
        Assert.Contains("Action 2: Light the underpass", mail.TextBody);
        Assert.Contains("https://csp.example.org/api/respond/TOKEN", mail.TextBody);
        Assert.Equal("reply+abcdefghijklmnopqrst@reply.example.org", mail.ReplyTo!.Email);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        Assert.Equal("All", mail.Headers["X-Auto-Response-Suppress"]);
        Assert.Equal(("emails", "2019-20-Q1", "police", "opening"), (mail.CustomArgs["plan"], mail.CustomArgs["round"], mail.CustomArgs["lead"], mail.CustomArgs["stage"]));
    }

    [Fact]
    public void Html_escapes_all_text_and_keeps_bullets()
    {
        var mail = Compose("police", ChaseStageKey.Reminder, [1, 2]);
        var doc = new HtmlParser().ParseDocument(mail.HtmlBody);
        Assert.Empty(doc.QuerySelectorAll("script"));
        Assert.Empty(doc.QuerySelectorAll("b"));
        Assert.Contains("Light the underpass <script>alert(1)</script>.", doc.Body!.TextContent);
        Assert.Equal(["Park A", "Park B"], doc.QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Equal("https://csp.example.org/api/respond/TOKEN", doc.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("en-GB", doc.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public void Restricted_actions_show_their_number_and_the_link_only()
    {
        var mail = Compose("council", ChaseStageKey.DueDay, [4]);
        Assert.DoesNotContain("Secret operation", mail.TextBody + mail.HtmlBody);
        Assert.DoesNotContain("Secret progress", mail.TextBody + mail.HtmlBody);
        Assert.Contains("Action 4 (restricted: open the form to see it)", mail.TextBody);
        Assert.Contains("https://csp.example.org/api/respond/TOKEN", mail.HtmlBody);
    }

    [Fact]
    public void Escalation_says_who_was_copied_in()
    {
        var mail = Compose("housing", ChaseStageKey.Escalation, [3], [new Contact("Mo Manager", "manager@example.org"), new Contact("Cy Council", "cy@example.org")]);
        Assert.Equal("Escalated: Housing's 2019-20 quarter 1 progress update is overdue", mail.Subject);
        Assert.Equal(["manager@example.org", "cy@example.org"], mail.Cc.Select(c => c.Email));
        Assert.Contains("Mo Manager, Cy Council have been copied in", mail.TextBody);
    }

    [Theory]
    [InlineData("{\"planId\":\"p\",\"roundId\":\"r\",\"leadId\":\"l\",\"stageId\":\"nonsense\",\"channel\":\"email\"}")]
    [InlineData("{\"planId\":\"p\",\"roundId\":\"r\",\"leadId\":\"l\",\"stageId\":\"opening\",\"channel\":\"fax\"}")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("null")]
    public void A_queue_message_that_is_not_a_reminder_is_refused_clearly(string body) =>
        Assert.Contains("not a reminder request", Assert.Throws<FormatException>(() => ReminderRequest.Parse(body)).Message);
}
