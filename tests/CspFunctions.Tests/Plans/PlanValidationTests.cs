using System.Text;
using CspFunctions.Import;
using CspFunctions.Plans;

namespace CspFunctions.Tests.Plans;

public sealed class PlanValidationTests
{
    private static PlanDocument Valid() => new()
    {
        Id = "test-plan",
        Name = "Test plan",
        FinancialYearStart = 2024,
        Managers = [new() { Name = "Manager", Email = "manager@example.org" }],
        Priorities = [new() { Id = "p1", Title = "Priority one" }],
        Leads = [new() { Id = "police", Name = "Police", Contacts = [new() { Name = "Pat", Email = "pat@example.org" }] }],
        Actions =
        [
            new() { Number = 1, PriorityId = "p1", Text = "Do the first thing.", LeadIds = ["police"] },
            new() { Number = 2, PriorityId = "p1", Text = "Do the second thing.", LeadIds = [] },
        ],
    };

    [Fact]
    public void A_valid_document_passes()
    {
        var result = PlanValidator.Validate(Valid());
        Assert.Equal([1, 2], result.Plan.Actions.Select(a => a.Number));
        Assert.Equal("Europe/London", result.Plan.TimeZone);
    }

    [Fact]
    public void Reports_every_problem_at_once_with_its_row()
    {
        var doc = Valid();
        doc.Leads![0].Contacts![0].Email = "not an email";
        doc.Actions!.Add(new() { Number = 2, PriorityId = "p1", Text = "Duplicate number." });
        doc.Actions.Add(new() { Number = 3, PriorityId = "p1", Text = "  " });
        doc.Actions.Add(new() { Number = 5, PriorityId = "nope", Text = "Unknown priority." });
        doc.Actions.Add(new() { Number = 6, PriorityId = "p1", Text = new string('x', StorageLimits.MaxTextLength + 1) });

        var ex = Assert.Throws<PlanImportException>(() => PlanValidator.Validate(doc));

        Assert.Contains(ex.Problems, p => p is { Row: 1, Field: "leads.contacts" } && p.Message.Contains("not a valid email"));
        Assert.Contains(ex.Problems, p => p is { Row: 3, Field: "actions.number" } && p.Message.Contains("used twice (first at row 2)"));
        Assert.Contains(ex.Problems, p => p is { Row: 4, Field: "actions.text" } && p.Message.Contains("missing"));
        Assert.Contains(ex.Problems, p => p is { Row: 5, Field: "actions.priority" } && p.Message.Contains("unknown priority 'nope'"));
        Assert.Contains(ex.Problems, p => p is { Row: 6, Field: "actions.text" } && p.Message.Contains("32,001 characters; the limit is 32,000"));
        Assert.Equal(5, ex.Problems.Count);
    }

    [Theory]
    [InlineData("Line one\nline two\r\nthree\twith a tab", false)]
    [InlineData("A bell \u0007 in the text", true)]
    [InlineData("A nul \u0000", true)]
    [InlineData("A delete \u007F", true)]
    [InlineData("A C1 control \u0085 (next line)", true)]
    [InlineData("A C1 control \u009F", true)]
    [InlineData("No control: \u00A0 \u00A3 \u2013 \u200B", false)]
    public void Control_characters_other_than_line_breaks_and_tabs_are_a_problem(string text, bool problem)
    {
        var doc = Valid();
        doc.Actions![0].Text = text;
        if (!problem)
        {
            Assert.Equal(2, PlanValidator.Validate(doc).Plan.Actions.Count);
            return;
        }
        var ex = Assert.Throws<PlanImportException>(() => PlanValidator.Validate(doc));
        Assert.Equal("actions.text", Assert.Single(ex.Problems).Field);
        Assert.Contains("control characters", ex.Problems[0].Message);
    }

    [Theory]
    [InlineData("Kate Delaney, Community Safety Partnership", "Kate Delaney, Community Safety Partnership")]
    [InlineData("  padded  ", "padded")]
    [InlineData("two  spaces", "two spaces")]
    [InlineData("a\tb\nc\r\nd", "a b c d")]
    [InlineData("non\u00A0breaking\u200Bzero-width", "non breaking zero-width")]
    [InlineData("trailing line\n", "trailing line")]
    [InlineData("\u2003em space\u3000ideographic", "em space ideographic")]
    [InlineData("Cafe\u0301", "Caf\u00E9")]
    [InlineData("", "")]
    public void One_line_collapses_every_kind_of_whitespace_and_gives_NFC(string text, string expected) =>
        Assert.Equal(expected, CellText.OneLine(text));

    [Theory]
    [InlineData("someone@example.org", true)]
    [InlineData("first.last+tag@sub.example.co.uk", true)]
    [InlineData("no-at-sign.example.org", false)]
    [InlineData("two@@example.org", false)]
    [InlineData("space in@example.org", false)]
    [InlineData("Name <a@example.org>", false)]
    [InlineData("nodot@localhost", false)]
    [InlineData("", false)]
    public void Email_addresses_are_checked(string email, bool valid) => Assert.Equal(valid, PlanValidator.IsValidEmail(email));

    [Fact]
    public void Malformed_json_is_a_problem_with_a_line_number()
    {
        var json = "{\n  \"id\": \"x\",\n  \"actions\": [ { \"number\": \"one\" } ]\n}";
        var ex = Assert.Throws<PlanImportException>(() => PlanReader.ReadJson(new MemoryStream(Encoding.UTF8.GetBytes(json))));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal(3, problem.Row);
        Assert.Contains("not valid plan JSON", problem.Message);
    }

    private static readonly CsvPlanHeader Header = new("csv-plan", "CSV plan", 2024, "Manager", "manager@example.org");

    [Fact]
    public void Csv_with_one_row_per_action_becomes_a_plan()
    {
        var csv = """
            priority,number,action,leads,contacts,documents,restricted,round,status,rag,progress
            Reducing violence,1,"Deliver the strategy.
            With a second paragraph.",Bedfordshire Police; Housing,Bedfordshire Police = Pat Smith <pat@example.org> | Sam <sam@example.org>; Housing = Hal <hal@example.org>,Strategy.pdf <https://example.org/s.pdf>,no,2024-25-Q1,On track,Green,Going well.
            Keeping safe,2,Second action,Housing,,,yes,,,,
            """;
        var doc = PlanReader.ReadCsv(new StringReader(csv), Header);
        var (plan, updates) = PlanValidator.Validate(doc);
        Assert.Equal(["reducing-violence", "keeping-safe"], plan.Priorities.Select(p => p.Id));
        Assert.Equal("Deliver the strategy.\nWith a second paragraph.", plan.Actions[0].Text);
        Assert.Equal(["bedfordshire-police", "housing"], plan.Actions[0].LeadIds);
        Assert.Equal(["pat@example.org", "sam@example.org"], plan.FindLead("bedfordshire-police")!.Contacts.Select(c => c.Email));
        Assert.Equal("https://example.org/s.pdf", plan.Actions[0].Documents[0].Url);
        Assert.True(plan.Actions[1].Restricted);
        var update = Assert.Single(updates);
        Assert.Equal(("2024-25-Q1", 1, "Going well."), (update.RoundId, update.ActionNumber, update.Text));
    }

    [Fact]
    public void Csv_problems_are_reported_by_spreadsheet_row()
    {
        var csv = """
            priority,number,action,leads,contacts
            P,1,First,Police,Police = Pat <pat@example>
            P,1,Duplicate,Police,
            ,x,,Police,
            """;
        var ex = Assert.Throws<PlanImportException>(() => PlanReader.ReadCsv(new StringReader(csv), Header));
        Assert.Contains(ex.Problems, p => p.Row == 4 && p.Field == "actions.number" && p.Message.Contains("'x' is not an action reference"));
        Assert.Contains(ex.Problems, p => p.Row == 3 && p.Message.Contains("used twice (first at row 2)"));
        Assert.Contains(ex.Problems, p => p.Row == 4 && p.Message.Contains("priority is missing"));
        Assert.Contains(ex.Problems, p => p.Row == 4 && p.Message.Contains("action text is missing"));
        Assert.Contains(ex.Problems, p => p.Message.Contains("'pat@example' is not a valid email"));
    }

    [Fact]
    public void Csv_without_the_required_columns_says_which_are_missing()
    {
        var ex = Assert.Throws<PlanImportException>(() => PlanReader.ReadCsv(new StringReader("number,text\n1,hello"), Header));
        var problem = Assert.Single(ex.Problems);
        Assert.Contains("missing column(s): action (", problem.Message);
        Assert.Contains("Columns found: A \"number\" (action number), B \"text\"", problem.Message);
    }
}
