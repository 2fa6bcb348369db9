using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Progress;

namespace CspFunctions.Responses;

/// <summary>The emails the response side sends, each from its pair of templates in Responses/Templates (text and HTML from
/// the same view model) in the one mail layout.</summary>
public static class ResponseMail
{
    /// <summary>One captured update as the confirmation lists it. A restricted action's update stays in the system (mail is
    /// forwarded and kept), so its model carries no status, RAG or text and the mail says only "Action N (restricted): saved".</summary>
    public sealed record CapturedUpdate(int Number, bool Restricted, string Status, string Rag, string Text, IReadOnlyList<string> Lines)
    {
        /// <summary>The reference as the plan writes it ("1.2").</summary>
        public string Ref { get; init; } = Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The confirmation's view model; the acknowledgement of an email reply adds what could not be placed and the evidence kept.</summary>
    public sealed record ConfirmationModel(string PlanName, string RoundId, string How, IReadOnlyList<CapturedUpdate> Captured, string FormUrl)
    {
        public bool NonePlaced { get; init; }
        public bool ShowsStored => Captured.Count > 0 && How == "by email";
        /// <summary>References of the actions whose "no change" had nothing to carry forward.</summary>
        public IReadOnlyList<string> NeedsRealUpdate { get; init; } = [];
        public string? Unassigned { get; init; }
        public IReadOnlyList<string> UnassignedLines => Unassigned is null ? [] : Unassigned.Split('\n');
        public string? Evidence { get; init; }
    }

    public static OutgoingMail Confirmation(ResponseContext context, IReadOnlyList<ProgressUpdate> captured, string formUrl, string how) =>
        Confirmation(context, Model(context, captured, formUrl, how));

    /// <summary>The reply to an emailed update: each action's update exactly as stored (so a wrong cut is visible and can be
    /// corrected in the form), the text that could not be placed, "no change" with nothing to carry forward, and the evidence kept.</summary>
    public static OutgoingMail Acknowledgement(ResponseContext context, IReadOnlyList<ProgressUpdate> captured, string unassigned, IReadOnlyList<string> evidence, string formUrl,
        IReadOnlyList<int>? needsRealUpdate = null) =>
        Confirmation(context, Model(context, captured, formUrl, "by email") with
        {
            NonePlaced = captured.Count == 0,
            NeedsRealUpdate = (needsRealUpdate ?? []).Select(context.Plan.RefOf).ToList(),
            Unassigned = unassigned.Length > 0 ? unassigned : null,
            Evidence = evidence.Count > 0 ? string.Join(", ", evidence) : null,
        });

    private static ConfirmationModel Model(ResponseContext context, IReadOnlyList<ProgressUpdate> captured, string formUrl, string how) => new(
        context.Plan.Name, context.Round.Id, how,
        captured.OrderBy(u => context.Plan.RefOf(u.ActionNumber), Import.ActionReference.NaturalOrder).Select(u =>
            context.Plan.Actions.FirstOrDefault(a => a.Number == u.ActionNumber) is not { Restricted: false }
                ? new CapturedUpdate(u.ActionNumber, true, "", "", "", []) { Ref = context.Plan.RefOf(u.ActionNumber) }
                : new CapturedUpdate(u.ActionNumber, false, u.Status.Display(), u.Rag.Display(), u.Text, u.Text.Split('\n')) { Ref = context.Plan.RefOf(u.ActionNumber) }).ToList(),
        formUrl);

    private static OutgoingMail Confirmation(ResponseContext context, ConfirmationModel model) => Automatic(
        new(context.Contact.Name, context.Contact.Email), $"Progress update received: {context.Lead.Name}, {context.Round.Id}", "confirmation", model,
        new MailFooter(MailFooter.OnBehalfOf(context.Plan), $"You get this because an update for {context.Lead.Name} was given from your address.",
            "It is sent once for each update; nothing more follows unless you give another."));

    public sealed record FreshLinkModel(string PlanName, string RoundId, string Expires, string FormUrl);

    public static OutgoingMail FreshLink(Contact contact, Plan plan, ReportingRound round, string formUrl, DateTimeOffset expires) => Automatic(
        new(contact.Name, contact.Email), $"Your new progress link: {plan.Name}, {round.Id}", "fresh-link",
        new FreshLinkModel(plan.Name, round.Id, expires.UtcDateTime.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), formUrl),
        new MailFooter(MailFooter.OnBehalfOf(plan), "You get this because a new link was asked for from your expired one.", "Nothing more is sent unless you ask again."));

    public sealed record HeldModel(string LeadName, string Sender, string ReplySubject, string ArchiveBlob, string Reason);

    public static OutgoingMail HeldForReview(Contact manager, Plan plan, string leadName, string sender, string subject, string archiveBlob, string reason) => Automatic(
        new(manager.Name, manager.Email), $"Reply held for review: {leadName}", "held-for-review", new HeldModel(leadName, sender, subject, archiveBlob, reason),
        ManagerFooter(plan));

    public sealed record AwayModel(string AwayName, string LeadName, string PlanName, string? Until);

    public static OutgoingMail Away(MailAddressee to, Plan plan, Lead lead, Contact away, DateOnly? until) => Automatic(
        to, $"{away.Name} is away: {lead.Name}", "away",
        new AwayModel(away.Name, lead.Name, plan.Name, until?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)),
        new MailFooter(MailFooter.OnBehalfOf(plan), $"You get this because you are a contact or manager for {lead.Name}.",
            "To stop these notices, ask the CSP manager to change the lead's contacts."));

    public sealed record RefusedModel(string Reason);

    public static OutgoingMail Refused(string to, string subject, string reason) => Automatic(
        new(to, to), "Re: " + subject, "refused", new RefusedModel(reason),
        new MailFooter($"Sent automatically by {MailFooter.Service}.", "You get this because you wrote to its reply address.", "Nothing more is sent unless you write again."));

    private static MailFooter ManagerFooter(Plan plan) => new(MailFooter.OnBehalfOf(plan), $"You get this because you are a manager of {plan.Name}.",
        "To stop it, take your address off the plan's managers (change them in the plan file and upload it again on the manager pages).");

    private static OutgoingMail Automatic(MailAddressee to, string subject, string template, object model, MailFooter footer)
    {
        var (text, html) = MailRenderer.Render(template, model, subject, footer);
        return new OutgoingMail(to, subject, text, html) { Headers = OutgoingMail.AutomaticHeaders };
    }
}
