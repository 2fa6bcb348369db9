namespace CspFunctions.Responses;

/// <summary>What a reply is, as <see cref="ReplyInterpreter"/> reads it.</summary>
public enum ReplyKind
{
    /// <summary>Text for the lead's actions, text that could not be placed, or evidence (or several of these).</summary>
    Update,
    /// <summary>An out-of-office or other automatic reply; <see cref="ReplyDecision.ReturnDate"/> when it gave one.</summary>
    AutoReply,
    /// <summary>Not shown to come from a contact of the lead: another address, or the contact's address without passing
    /// sender authentication. Held for the manager; nothing applied and the sender told nothing.</summary>
    NotFromContact,
    /// <summary>From the contact, but with nothing new in it (only the quoted reminder, a greeting or a sign-off).</summary>
    NothingNew,
}
