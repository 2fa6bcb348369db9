using CspFunctions.Import;
using CspFunctions.LocalHost;
using CspFunctions.Progress;

namespace CspFunctions.Tests.Plans;

/// <summary>The Luton 2018-19 sample is a faithful transcription of the seed document.</summary>
public sealed class SamplePlanTests
{
    private static readonly ValidatedPlan Sample = LoadSample();

    private static ValidatedPlan LoadSample()
    {
        using var stream = File.OpenRead(RepoPaths.SamplePlan(RepoPaths.FindRoot()));
        return PlanValidator.Validate(PlanReader.ReadJson(stream));
    }

    [Fact]
    public void Has_28_actions_numbered_1_to_30_without_4_and_14()
    {
        var numbers = Sample.Plan.Actions.Select(a => a.Number).ToList();
        Assert.Equal(28, numbers.Count);
        Assert.Equal(Enumerable.Range(1, 30).Except([4, 14]), numbers);
    }

    [Fact]
    public void Has_the_three_priorities_in_plan_order_with_their_actions()
    {
        Assert.Equal(["Reducing violence and exploitation", "Keeping Luton safe and tidy", "Over-arching priority actions"],
            Sample.Plan.Priorities.Select(p => p.Title));
        Assert.Equal([1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12], Sample.Plan.ActionsIn(Sample.Plan.Priorities[0]).Select(a => a.Number));
        Assert.Equal([13, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25], Sample.Plan.ActionsIn(Sample.Plan.Priorities[1]).Select(a => a.Number));
        Assert.Equal([26, 27, 28, 29, 30], Sample.Plan.ActionsIn(Sample.Plan.Priorities[2]).Select(a => a.Number));
    }

    [Fact]
    public void Keeps_the_exact_text_of_actions()
    {
        string Text(int n) => Sample.Plan.Actions.Single(a => a.Number == n).Text;
        Assert.Equal("Deliver the ‘Ending Adult Exploitation Strategy’ Business & Performance Plan.", Text(1));
        Assert.Equal("Review the existing Domestic Abuse Delivery Group and re-consider options for future delivery.", Text(5));
        Assert.Equal("Continue to deliver the ‘keep Luton safe, keep Luton tidy’ campaign, to underpin the communications by the CSP in relation to this priority area.", Text(13));
        // Action 11 runs across a page break in the seed; its text is rejoined by meaning.
        Assert.StartsWith("Maintain current strategies for tackling gang associated behaviour and serious youth violence", Text(11));
        Assert.Contains("inspiring children and young people within structured programmes of awareness and prevention", Text(11));
        Assert.EndsWith("to those involved in gang related behaviour.", Text(11));
    }

    [Fact]
    public void Leads_are_organisations_and_actions_29_and_30_have_none()
    {
        var plan = Sample.Plan;
        Assert.Empty(plan.Actions.Single(a => a.Number == 29).LeadIds);
        Assert.Empty(plan.Actions.Single(a => a.Number == 30).LeadIds);
        Assert.All(plan.Actions.Where(a => a.Number < 29), a => Assert.NotEmpty(a.LeadIds));
        Assert.Equal(["Bedfordshire Police"], plan.Actions.Single(a => a.Number == 9).LeadIds.Select(id => plan.FindLead(id)!.Name));
        Assert.Equal(["Community Safety Partnership Officer", "Communications"], plan.Actions.Single(a => a.Number == 13).LeadIds.Select(id => plan.FindLead(id)!.Name));
        Assert.All(plan.Leads, l => Assert.All(l.Contacts, c => Assert.EndsWith("@example.org", c.Email)));
    }

    [Fact]
    public void Action_1_has_the_one_linked_document()
    {
        var withDocuments = Sample.Plan.Actions.Where(a => a.Documents.Count > 0).ToList();
        var action = Assert.Single(withDocuments);
        Assert.Equal(1, action.Number);
        Assert.Equal("Adult Exploitation Strategy.pdf", Assert.Single(action.Documents).Title);
    }

    [Fact]
    public void Progress_is_the_Q4_update_with_paragraphs_and_bullets()
    {
        Assert.Equal(28, Sample.Updates.Count);
        Assert.All(Sample.Updates, u => Assert.Equal("2018-19-Q4", u.RoundId));
        var first = Sample.Updates.Single(u => u.ActionNumber == 1);
        Assert.StartsWith("The Adult Exploitation Strategy was approved and adopted in March 2018.\n\nThe first year of delivery", first.Text);
        Assert.Equal(7, first.Text.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
        var thirteen = Sample.Updates.Single(u => u.ActionNumber == 13);
        Assert.Contains("\n- The Town Centre Public Spaces Protection order\n", thirteen.Text);
        Assert.Equal(ProgressStatus.Complete, Sample.Updates.Single(u => u.ActionNumber == 3).Status);
        Assert.Equal(ProgressStatus.CarriedForward, Sample.Updates.Single(u => u.ActionNumber == 10).Status);
        Assert.StartsWith("Complete – a working group has been established", Sample.Updates.Single(u => u.ActionNumber == 3).Text);
    }
}
