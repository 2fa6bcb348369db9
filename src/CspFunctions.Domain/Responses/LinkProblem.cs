using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Responses;

public enum LinkProblem { None, Invalid, Expired, PlanGone, ContactRemoved, RoundClosed }
