using MimeKit;

namespace CspFunctions.Responses;

/// <summary>
/// Says what an email reply means, with no I/O: whether it is from the lead's contact (the From address is the contact's
/// and SendGrid's results pass DKIM aligned with, or SPF for, its domain), an automatic reply and its return date, and
/// otherwise the lead's update per action (quoted history, signatures, disclaimers, markings and greetings removed;
/// "no change" carried forward from last quarter), the substantive text it could not place, and the evidence to keep.
/// </summary>
public sealed class ReplyInterpreter(ResponseOptions options)
{
    public ReplyDecision Interpret(ReplyInput input)
    {
        var message = input.Message;
        var lead = input.Lead;
        var mailboxes = message.From.Mailboxes.ToList();
        var from = mailboxes.FirstOrDefault();
        var sender = from?.Address ?? "";
        var contact = mailboxes.Count == 1 ? lead.Contacts.FirstOrDefault(c => c.Email.Equals(sender, StringComparison.OrdinalIgnoreCase)) : null;
        var isAutoReply = AutoReply.IsAutoReply(message);

        if (contact is null)
        {
            if (isAutoReply) return new(ReplyKind.AutoReply, $"Automatic reply from {Shown(sender)}, who is not a contact of {lead.Name}; ignored.") { Sender = sender };
            var who = mailboxes.Count > 1 ? $"The message names {mailboxes.Count} senders ({string.Join(", ", mailboxes.Select(m => m.Address))})" : $"The sender {Shown(sender)} is not a contact of {lead.Name}";
            return new(ReplyKind.NotFromContact, $"{who}. Held for the manager; nothing was applied and the sender was told nothing.") { Sender = sender };
        }

        var (verified, why) = input.Authentication.Verify(sender);
        string? note = null;
        if (!verified)
        {
            if (options.RequireSenderAuthentication)
                return new(ReplyKind.NotFromContact, $"The From address {sender} is a contact of {lead.Name}, but it was not shown to be theirs: {why} Held for the manager; nothing was applied, chasing was not paused and the sender was told nothing.")
                {
                    Sender = sender,
                };
            note = $"Sender not verified ({why}); accepted because sender authentication is relaxed for this tenant.";
        }

        var body = MailText.BodyOf(message);
        if (isAutoReply)
            return new(ReplyKind.AutoReply, "Automatic reply.")
            {
                Contact = contact, Sender = sender, SenderVerified = verified, AuthenticationNote = note,
                ReturnDate = AutoReply.ReturnDate(message.Subject + "\n" + body, input.ReceivedAt),
            };

        var names = ReplyCleaner.NameWords(from?.Name).Concat(ReplyCleaner.NameWords(contact.Name)).ToList();
        var text = string.Join("\n", ReplyCleaner.Clean(ReplyText.NewLines(body), names)).Trim();
        var references = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var action in input.Actions) references[Reference(action)] = action.Number;
        var split = ReplySections.Split(text, references);

        var placeable = split.Sections.Where(s => s.Text.Length <= options.MaxProgressText).ToList();
        var unassigned = string.Join("\n\n", split.Sections.Except(placeable).Select(s => $"Action {input.Actions.FirstOrDefault(a => a.Number == s.ActionNumber)?.Ref ?? s.ActionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {s.Text}").Prepend(split.Unassigned).Where(t => t.Length > 0));
        var updates = placeable.Select(s => ToUpdate(s, input, contact)).ToList();

        var evidence = EvidenceParts(message);
        var evidenceAction = updates.Count == 1 ? updates[0].ActionNumber : input.Actions.Count == 1 ? input.Actions[0].Number : 0;
        if (updates.Count == 0 && unassigned.Length == 0 && evidence.Count == 0)
            return new(ReplyKind.NothingNew, "The reply had no new text above the quoted history (only greetings, sign-off or signature, or nothing at all).")
            {
                Contact = contact, Sender = sender, SenderVerified = verified, AuthenticationNote = note,
            };

        return new(ReplyKind.Update, unassigned.Length > 0 ? "Part of the reply could not be placed on an action." : "Update.")
        {
            Contact = contact, Sender = sender, SenderVerified = verified, AuthenticationNote = note,
            Updates = updates, Unassigned = unassigned, Evidence = evidence, EvidenceAction = evidenceAction,
        };
    }

    /// <summary>How reminders and replies refer to an action: its reference as the plan writes it ("1.2", "3a"), else its number.</summary>
    public static string Reference(Plans.PlanAction action) => action.Ref;

    private static ActionReply ToUpdate(ReplySection section, ReplyInput input, Plans.Contact contact)
    {
        if (!NoChangeReply.Matches(section.Text)) return new(section.ActionNumber, section.Text, section.Status, section.Rag);
        if (!input.LastQuarter.TryGetValue(section.ActionNumber, out var last))
            return new(section.ActionNumber, section.Text, section.Status, section.Rag, CarryForward.NoPrevious);
        return new(section.ActionNumber, ResponseDesk.ConfirmedUnchanged(last.Text, input.ReceivedAt, contact.Name),
            section.Status ?? last.Status, section.Rag ?? last.Rag, CarryForward.Carried);
    }

    /// <summary>Attachments, without the images an HTML body shows inline (signature logos) and Outlook's numbered
    /// inline images.</summary>
    private static List<MimePart> EvidenceParts(MimeMessage message)
    {
        var html = message.HtmlBody ?? "";
        return message.Attachments.OfType<MimePart>().Where(part =>
        {
            if (part.ContentId is { Length: > 0 } id && html.Contains("cid:" + id, StringComparison.OrdinalIgnoreCase)) return false;
            if (part.ContentType.MediaType.Equals("image", StringComparison.OrdinalIgnoreCase) && part.ContentId is not null
                && System.Text.RegularExpressions.Regex.IsMatch(part.FileName ?? "", @"^(image|Outlook-)\w{0,12}\.(png|jpe?g|gif)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)) return false;
            return true;
        }).ToList();
    }

    private static string Shown(string sender) => sender.Length == 0 ? "(no From address)" : sender;
}
