using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Responses;

public sealed record LinkOpening(LinkProblem Problem, ResponseContext? Context, LinkClaims? Claims)
{
    public bool IsOpen => Problem == LinkProblem.None;
}
