namespace CspFunctions.Responses;

/// <summary>Where an inbound email ended up. Every message reaches one of these; none is dropped silently.</summary>
public enum InboundState
{
    /// <summary>Archived; written by earlier versions before processing. Treated like a <see cref="Processing"/> claim whose lease has run out.</summary>
    Received,
    /// <summary>A delivery holds the claim (until its lease expires) and is processing the message; a message left here
    /// failed mid-way, and SendGrid's retry takes the claim over once the lease has run out and finishes what is left.</summary>
    Processing,
    /// <summary>Every part of the reply went into an action's update.</summary>
    Applied,
    /// <summary>Some or all of the text could not be placed on an action; it waits in <see cref="InboundMessage.UnassignedText"/>.</summary>
    Unassigned,
    /// <summary>The sender is not a contact of the lead: kept for the manager, nothing said to the sender.</summary>
    HeldForReview,
    /// <summary>An out-of-office or other automatic reply: not an update.</summary>
    AutoReply,
    /// <summary>A second delivery of a message already processed.</summary>
    Duplicate,
    /// <summary>Not processed; <see cref="InboundMessage.Reason"/> says why.</summary>
    Rejected,
}
