using CspFunctions.Import;
using CspFunctions.Progress;

namespace CspFunctions.Plans;

public sealed record PlanSaveResult(bool Created, int Revision, int ActionsWritten, int ActionsRemoved, int LeadsWritten);
