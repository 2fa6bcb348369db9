namespace CspFunctions.LocalHost.Demo;

/// <param name="Created">False when the demo plan was there already (nothing was changed or sent).</param>
/// <param name="PreviousUpdates">Updates stored as the quarter before's progress (the sample's Q4 text).</param>
/// <param name="LeadsAsked">Leads whose opening request went to the outbox.</param>
public sealed record DemoRoundOutcome(string PlanId, string RoundId, DateOnly? DueDate, bool Created, int PreviousUpdates, int LeadsAsked);
