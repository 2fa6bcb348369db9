namespace CspFunctions.Chasing;

public enum ClaimOutcome
{
    /// <summary>This attempt owns the send.</summary>
    Claimed,
    /// <summary>Already sent (or refused for good): do nothing.</summary>
    Done,
    /// <summary>Another message owns it and has not failed: do nothing; that message will finish it.</summary>
    HeldByAnother,
}
