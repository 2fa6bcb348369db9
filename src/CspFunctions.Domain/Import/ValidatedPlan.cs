using System.Net.Mail;
using System.Text.RegularExpressions;
using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Import;

/// <summary>A plan that passed validation, with the updates it carried (e.g. a past quarter's progress).</summary>
public sealed record ValidatedPlan(Plan Plan, IReadOnlyList<SeedUpdate> Updates);
