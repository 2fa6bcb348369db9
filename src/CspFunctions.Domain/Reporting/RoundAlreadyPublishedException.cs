namespace CspFunctions.Reporting;

public sealed class RoundAlreadyPublishedException(string planId, string roundId)
    : Exception($"Round {roundId} of plan '{planId}' is already published; a published round does not change.");
