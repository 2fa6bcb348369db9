using CspFunctions.Calendar;
using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Import;

public sealed record ImportOutcome(string PlanId, bool Created, int Revision, int Actions, int Leads, int ActionsRemoved, int UpdatesAdded, int UpdatesUnchanged);
