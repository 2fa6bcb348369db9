using CspFunctions.Chasing;
using CspFunctions.Plans;

namespace CspFunctions.Reporting;

public sealed class ReportNotFoundException(string message) : Exception(message);
