namespace CspFunctions.Chasing;

public enum ClaimOutcome
{
    /// <summary>This attempt owns the send.</summary>
    Claimed,
    /// <summary>Already sent: do nothing.</summary>
    Done,
    /// <summary>Refused for good by the provider: do nothing (the manager sees it).</summary>
    Refused,
    /// <summary>Another message owns it and has not failed: do nothing; that message will finish it.</summary>
    HeldByAnother,
}
