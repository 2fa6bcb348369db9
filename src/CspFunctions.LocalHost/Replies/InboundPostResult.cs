namespace CspFunctions.LocalHost.Replies;

/// <summary>What the inbound endpoint answered: its HTTP status and, when it said, the message's state and the reason.</summary>
public sealed record InboundPostResult(int Status, string? State, string? Reason)
{
    public bool Accepted => Status is >= 200 and < 300;

    public override string ToString() => Accepted ? $"{State}: {Reason}" : $"HTTP {Status}: {Reason}";
}
