using CspFunctions.Plans;
using CspFunctions.Progress;
using MimeKit;

namespace CspFunctions.Responses;

/// <summary>Everything <see cref="ReplyInterpreter"/> needs to read one reply: the parsed message, the lead it answers and
/// that lead's actions, last quarter's updates (for "no change"), SendGrid's sender-authentication results and when it came.</summary>
public sealed record ReplyInput(
    MimeMessage Message,
    Lead Lead,
    IReadOnlyList<PlanAction> Actions,
    IReadOnlyDictionary<int, ProgressUpdate> LastQuarter,
    SenderAuthentication Authentication,
    DateTimeOffset ReceivedAt);
