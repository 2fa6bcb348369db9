namespace CspFunctions.Reporting;

/// <summary>Replies the responses feature could not assign (wired by that feature; empty by default).</summary>
public interface IHeldReplies
{
    Task<IReadOnlyList<HeldReply>> ListAsync(string planId, CancellationToken ct = default);
}
