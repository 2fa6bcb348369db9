using CspFunctions.Messaging;
using CspFunctions.Plans;

namespace CspFunctions.Reporting;

public sealed record PublishOutcome(Publication Publication, string ReportUrl);
