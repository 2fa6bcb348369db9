using System.Globalization;
using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Reporting;

namespace CspFunctions.Chasing;

/// <summary>Renders reminder and digest emails (Scriban templates in Chasing/Templates) and Teams notifications.</summary>
public static class ReminderComposer
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", English);

    public static string RoundName(ReportingRound round) =>
        FinancialQuarter.TryParseRoundId(round.Id, out var q) ? $"{q.Year.Name} quarter {q.Number}" : round.Id;

    public static string Period(ReportingRound round) =>
        $"{round.PeriodStart.ToString("MMMM", English)} to {round.PeriodEnd.ToString("MMMM yyyy", English)}";

    public static string Subject(Plan plan, ReportingRound round, Lead lead, ChaseStageKey stage) => stage.Kind switch
    {
        ChaseStageKind.Opening => $"Your {RoundName(round)} progress update is requested, due {LongDate(round.DueDate)}",
        ChaseStageKind.Reminder => $"Reminder: your {RoundName(round)} progress update is due {LongDate(round.DueDate)}",
        ChaseStageKind.DueDay => $"Due today: your {RoundName(round)} progress update",
        ChaseStageKind.Overdue => $"Overdue: your {RoundName(round)} progress update was due {LongDate(round.DueDate)}",
        _ => $"Escalated: {lead.Name}'s {RoundName(round)} progress update is overdue",
    };

    private static string Intro(ReportingRound round, ChaseStageKey stage) => stage.Kind switch
    {
        ChaseStageKind.Opening => "The quarter has ended. Please give a short progress update on each action below.",
        ChaseStageKind.Reminder => "This is a reminder: we have not yet had your progress update on the actions below.",
        ChaseStageKind.DueDay => "Your progress update is due today. It takes a few minutes: the last update is shown for each action.",
        ChaseStageKind.Overdue => "Your progress update is overdue. Please send it as soon as you can, even if it is only \"no change\".",
        _ => "Your progress update is now well overdue, so the CSP manager has been copied in.",
    };

    public static OutgoingMail Reminder(Plan plan, ReportingRound round, Lead lead, LeadChase chase, Contact contact,
        IReadOnlyList<Contact> copyTo, IReadOnlyDictionary<int, ProgressUpdate> previousRound, string previousRoundName,
        string formUrl, string replyTo, string messageId)
    {
        var actions = chase.ActionNumbers.Select(n => plan.Actions.First(a => a.Number == n)).Select(a =>
        {
            previousRound.TryGetValue(a.Number, out var last);
            var showLast = last is not null && !a.Restricted;
            return new
            {
                a.Number,
                a.Ref,
                Text = a.Restricted ? null : a.Text,
                a.Restricted,
                LastRound = previousRoundName,
                LastStatus = showLast ? last!.Status.Display() : null,
                LastRag = showLast ? last!.Rag.Display() : null,
                LastText = showLast ? last!.Text : null,
                LastBlocks = showLast ? TextBlocks.Parse(last!.Text) : null,
            };
        }).ToList();
        var subject = Subject(plan, round, lead, chase.Stage);
        var model = new
        {
            RecipientName = contact.Name,
            Intro = Intro(round, chase.Stage),
            PlanName = plan.Name,
            RoundName = RoundName(round),
            Period = Period(round),
            DueDate = LongDate(round.DueDate),
            LeadName = lead.Name,
            FormUrl = formUrl,
            Actions = actions,
            IsEscalation = chase.Stage.IsEscalation,
            CopyNames = string.Join(", ", copyTo.Select(c => c.Name)),
            CopyCount = copyTo.Count,
        };
        var manager = plan.Managers.FirstOrDefault();
        var footer = new MailFooter(MailFooter.OnBehalfOf(plan), $"You get these reminders because you are a contact for {lead.Name}.",
            $"To stop them, or to have them sent to a colleague instead, reply saying so{(manager is null ? "" : $" or write to {manager.Email}")}.");
        var (text, html) = MailRenderer.Render("reminder", model, subject, footer);
        return new OutgoingMail(new MailAddressee(contact.Name, contact.Email), subject, text, html)
        {
            Cc = copyTo.Select(c => new MailAddressee(c.Name, c.Email)).ToList(),
            ReplyTo = new MailAddressee("Community Safety Partnership updates", replyTo),
            Headers = OutgoingMail.AutomaticHeaders,
            MessageId = messageId,
            CustomArgs = new Dictionary<string, string>
            {
                ["plan"] = plan.Id, ["round"] = round.Id, ["lead"] = lead.Id, ["stage"] = chase.Stage.Id,
            },
        };
    }

    /// <summary>One contact's activity: <paramref name="webUrl"/> is their own signed link, so it is never shared with another recipient.</summary>
    public static TeamsActivity Teams(Plan plan, ReportingRound round, Lead lead, ChaseStageKey stage, Contact contact, string webUrl) =>
        new([contact.TeamsUserId ?? throw new ArgumentException($"Contact {contact.Name} has no Teams user id.", nameof(contact))],
            stage.Kind switch
            {
                ChaseStageKind.Opening => "updateRequested",
                ChaseStageKind.Reminder or ChaseStageKind.DueDay => "reminderDue",
                ChaseStageKind.Overdue => "updateOverdue",
                _ => "escalation",
            },
            Subject(plan, round, lead, stage),
            webUrl,
            new Dictionary<string, string>
            {
                ["planName"] = plan.Name, ["dueDate"] = LongDate(round.DueDate), ["leadName"] = lead.Name, ["roundName"] = RoundName(round),
            });

    public static OutgoingMail Digest(Plan plan, ReportingRound round, ManagerDigest digest, Contact manager)
    {
        var subject = $"{RoundName(round)} updates: {digest.AnsweredCount} of {digest.ActionCount} in, {digest.Outstanding.Count} lead(s) outstanding";
        var model = new
        {
            PlanName = plan.Name,
            RoundName = RoundName(round),
            Date = LongDate(digest.Date),
            DueDate = LongDate(digest.DueDate),
            Overdue = digest.IsOverdue,
            Answered = digest.AnsweredCount,
            Total = digest.ActionCount,
            Outstanding = digest.Outstanding.Select(o => new { o.LeadName, Actions = string.Join(", ", o.ActionNumbers.Select(plan.RefOf)) }).ToList(),
            Warnings = digest.Warnings.Select(w => w.ToString()).ToList(),
        };
        var footer = new MailFooter(MailFooter.OnBehalfOf(plan), $"You get this weekly summary because you are a manager of {plan.Name}.",
            "To stop it, take your address off the plan's managers (change them in the plan file and upload it again on the manager pages).");
        var (text, html) = MailRenderer.Render("digest", model, subject, footer);
        return new OutgoingMail(new MailAddressee(manager.Name, manager.Email), subject, text, html)
        {
            Headers = OutgoingMail.AutomaticHeaders,
            CustomArgs = new Dictionary<string, string> { ["plan"] = plan.Id, ["round"] = round.Id, ["stage"] = "digest" },
        };
    }
}
