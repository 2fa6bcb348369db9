namespace CspFunctions.Responses;

/// <summary>A reply split among a lead's actions, with the substantive text that could not be placed.</summary>
public sealed record SplitReply(IReadOnlyList<ReplySection> Sections, string Unassigned);
