namespace CspFunctions.Reporting;

/// <summary>A reply waiting for the manager, as the plan page lists it.</summary>
public sealed record HeldReplyRow(string From, string Subject, string Received, string Reason)
{
    public static HeldReplyRow Of(HeldReply reply) => new(reply.From, reply.Subject, reply.ReceivedAt.ToString("u"), reply.Reason);
}
