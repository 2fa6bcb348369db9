namespace CspFunctions.Responses;

public enum ClaimOutcome
{
    /// <summary>This delivery holds the message and processes it.</summary>
    Claimed,
    /// <summary>The message was processed already; this delivery is a duplicate.</summary>
    Finished,
    /// <summary>Another delivery holds the message and its lease has not run out.</summary>
    Busy,
}
