namespace CspFunctions.Workbench;

/// <summary>What the manager did with a reply that was waiting.</summary>
public enum ReplyHandlingKind
{
    /// <summary>The text (as edited) was placed on one or more of the lead's actions.</summary>
    Placed,
    /// <summary>The unknown sender became a contact of the lead and the reply was applied.</summary>
    SenderAccepted,
    /// <summary>Not an update; the reason is kept.</summary>
    Discarded,
    /// <summary>Shown on the lead's own form for the lead to place.</summary>
    Forwarded,
}
