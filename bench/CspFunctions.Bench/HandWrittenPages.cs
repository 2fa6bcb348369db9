using System.Globalization;
using System.Net;
using System.Text;
using CspFunctions.Reporting;
using CspFunctions.Responses;
using CspFunctions.Templating;
using CspFunctions.Workbench;

namespace CspFunctions.Bench;

/// <summary>The response form and the round page, layout included, written straight into a StringBuilder from the same view
/// models the templates get: the fastest reasonable way to write the same markup. The benchmark checks that these write
/// exactly the templates' bytes, so both sides render the same pages. Each starts with the builder that measured fastest for
/// it: the response form (30,599 characters) a 32K-character one, on the small object heap (a 64K-character builder is a
/// large object allocated per render: 0.11 ms instead of 0.06 ms); the round page (42,610 characters) a 64K-character one
/// that it fits without growing (0.13 ms; a 32K-character one grown by a chunk measured 0.18 ms).</summary>
public static class HandWrittenPages
{
    public static string ResponseForm(ResponseFormPage page, PageLayout layout)
    {
        var sb = new StringBuilder(32 * 1024);
        Layout(sb, layout, page, static (b, p) => FormBody(b, p));
        return sb.ToString();
    }

    public static string Round(ManageRoundPage page, PageLayout layout)
    {
        var sb = new StringBuilder(64 * 1024);
        Layout(sb, layout, page, static (b, p) => RoundBody(b, p));
        return sb.ToString();
    }

    private static void Layout<T>(StringBuilder sb, PageLayout layout, T page, Action<StringBuilder, T> content)
    {
        sb.Append("<!doctype html>\n<html lang=\"en-GB\" class=\"govuk-template\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"no-referrer\">\n<title>")
          .Append(E(layout.FullTitle)).Append("</title>\n<link rel=\"stylesheet\" href=\"").Append(E(layout.StylesheetHref)).Append("\" nonce=\"").Append(E(layout.Nonce)).Append("\">\n</head>\n")
          .Append("<body class=\"govuk-template__body\">\n<a href=\"#main-content\" class=\"govuk-skip-link\">Skip to main content</a>\n<header>\n<section aria-label=\"Service information\" class=\"govuk-service-navigation\">\n")
          .Append("<div class=\"govuk-width-container\">\n<div class=\"govuk-service-navigation__container\">\n<span class=\"govuk-service-navigation__service-name\">\n");
        if (layout.ServiceHref != "") sb.Append("<a href=\"").Append(E(layout.ServiceHref)).Append("\" class=\"govuk-service-navigation__link\">").Append(E(layout.Service)).Append("</a>\n");
        else sb.Append("<span class=\"govuk-service-navigation__text\">").Append(E(layout.Service)).Append("</span>\n");
        sb.Append("</span>\n");
        if (layout.Navigation.Count > 0)
        {
            sb.Append("<nav aria-label=\"Menu\" class=\"govuk-service-navigation__wrapper\">\n<ul class=\"govuk-service-navigation__list\">\n");
            foreach (var item in layout.Navigation)
                sb.Append("<li class=\"govuk-service-navigation__item\"><a class=\"govuk-service-navigation__link\" href=\"").Append(E(item.Href)).Append("\">").Append(E(item.Text)).Append("</a></li>\n");
            sb.Append("</ul>\n</nav>\n");
        }
        sb.Append("</div>\n</div>\n</section>\n</header>\n<div class=\"govuk-width-container\">\n");
        if (layout.Crumbs.Count > 0)
        {
            sb.Append("<nav class=\"govuk-breadcrumbs\" aria-label=\"Breadcrumb\">\n<ol class=\"govuk-breadcrumbs__list\">\n");
            foreach (var crumb in layout.Crumbs)
                sb.Append("<li class=\"govuk-breadcrumbs__list-item\"><a class=\"govuk-breadcrumbs__link\" href=\"").Append(E(crumb.Href)).Append("\">").Append(E(crumb.Text)).Append("</a></li>\n");
            sb.Append("</ol>\n</nav>\n");
        }
        sb.Append("<main class=\"govuk-main-wrapper\" id=\"main-content\">\n");
        content(sb, page);
        sb.Append("\n</main>\n</div>\n<footer class=\"govuk-footer\">\n<div class=\"govuk-width-container\">\n<div class=\"govuk-footer__meta\">\n<div class=\"govuk-footer__meta-item govuk-footer__meta-item--grow\">\n<h2 class=\"govuk-visually-hidden\">Contact</h2>\n");
        if (layout.Contact is { } contact)
            sb.Append("<p class=\"govuk-body-s\">Questions about ").Append(layout.PlanName is { Length: > 0 } plan ? E(plan) : "this plan").Append("? Contact ").Append(E(contact.Name))
              .Append(", <a class=\"govuk-footer__link\" href=\"mailto:").Append(E(contact.Email)).Append("\">").Append(E(contact.Email)).Append("</a>.</p>\n");
        else sb.Append("<p class=\"govuk-body-s\">Run by the Community Safety Partnership. Questions about a plan go to its CSP manager.</p>\n");
        sb.Append("</div>\n</div>\n</div>\n</footer>\n</body>\n</html>\n");
    }

    private static void ErrorSummary(StringBuilder sb, string title, IReadOnlyList<ResponseFormPage.ErrorLink> links, string after)
    {
        sb.Append("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\">\n<div role=\"alert\">\n<h2 class=\"govuk-error-summary__title\">").Append(title)
          .Append("</h2>\n<div class=\"govuk-error-summary__body\">\n<ul class=\"govuk-list govuk-error-summary__list\">\n");
        foreach (var e in links) sb.Append("<li><a href=\"").Append(E(e.Href)).Append("\">").Append(E(e.Text)).Append("</a></li>\n");
        sb.Append("</ul>\n<p class=\"govuk-body\">").Append(after).Append("</p>\n</div>\n</div>\n</div>\n");
    }

    private static void FormBody(StringBuilder sb, ResponseFormPage page)
    {
        if (page.HasErrors) ErrorSummary(sb, "There is a problem", page.Errors, "Nothing was saved. Your entries are still in the form.");
        if (page.Conflicts.Count > 0)
            ErrorSummary(sb, "Someone else saved at the same time", page.Conflicts, "Your text for those actions was not saved but is still in the form. Read theirs, then save again to replace it, or leave it.");
        sb.Append("<span class=\"govuk-caption-l\">").Append(E(page.PlanName)).Append("</span>\n<h1 class=\"govuk-heading-l\">Progress update: ").Append(E(page.LeadName)).Append("</h1>\n")
          .Append("<p class=\"govuk-body\">Quarter ").Append(E(page.RoundId)).Append(", due ").Append(E(page.Due)).Append(". You are signed in by your personal link as ").Append(E(page.ContactName)).Append(".</p>\n")
          .Append("<p class=\"govuk-body\">Fill in the actions you can; you can save part of it now and come back to this link until the round closes.</p>\n");
        if (page.Unplaced.Count > 0)
        {
            sb.Append("<section class=\"unplaced\" aria-labelledby=\"unplaced-title\">\n<h2 class=\"govuk-heading-m\" id=\"unplaced-title\">Text from your email that needs placing</h2>\n")
              .Append("<p class=\"govuk-body\">We could not tell which action this part of your email reply was about. Copy it into the right action below and save.</p>\n");
            foreach (var r in page.Unplaced)
            {
                sb.Append("<figure class=\"govuk-inset-text\"><figcaption class=\"govuk-body-s\">Your email of ").Append(E(r.Received)).Append("</figcaption><blockquote class=\"govuk-body\">");
                Lines(sb, r.Lines);
                sb.Append("</blockquote></figure>\n");
            }
            sb.Append("</section>\n");
        }
        sb.Append("<form method=\"post\" action=\"").Append(E(page.FormAction)).Append("\" novalidate>\n");
        foreach (var a in page.Actions)
        {
            sb.Append("<section class=\"action csp-action\" aria-labelledby=\"").Append(E(a.HeadingId)).Append("\">\n<h2 class=\"govuk-heading-m\" id=\"").Append(E(a.HeadingId)).Append("\">Action ")
              .Append(a.Number.ToString(CultureInfo.InvariantCulture)).Append("</h2>\n<div class=\"csp-text\">");
            PlainTextHtml.Append(sb, a.Text);
            sb.Append("</div>\n");
            if (a.Last is { } last) Shown(sb.Append("<div class=\"previous csp-previous\">"), last).Append("</div>\n");
            else sb.Append("<p class=\"previous govuk-body\"><strong>Last quarter:</strong> no update was recorded.</p>\n");
            if (a.SavedNote is { } note) sb.Append("<p class=\"govuk-body\">").Append(E(note)).Append("</p>\n");
            if (a.Conflict is { } conflict) Shown(sb.Append("<div class=\"govuk-inset-text csp-conflict\" id=\"").Append(E(a.ConflictId)).Append("\" tabindex=\"-1\">"), conflict).Append("</div>\n");
            sb.Append("<input type=\"hidden\" name=\"").Append(E(a.BaseField)).Append("\" value=\"").Append(a.BaseVersion.ToString(CultureInfo.InvariantCulture)).Append("\">\n");
            if (a.Unchanged is { } unchanged)
            {
                sb.Append("<div class=\"govuk-form-group").Append(unchanged.Error is null ? "" : " govuk-form-group--error").Append("\">\n");
                if (unchanged.Error is { } error) ErrorMessage(sb, unchanged.ErrorId, error);
                sb.Append("<div class=\"govuk-checkboxes govuk-checkboxes--small\" data-module=\"govuk-checkboxes\">\n<div class=\"govuk-checkboxes__item\">\n<input class=\"govuk-checkboxes__input\" type=\"checkbox\" id=\"")
                  .Append(E(unchanged.Id)).Append("\" name=\"").Append(E(unchanged.Id)).Append("\" value=\"yes\"").Append(a.UnchangedChecked ? " checked" : "").Append(" aria-describedby=\"").Append(E(unchanged.Id)).Append("-hint");
                if (unchanged.Error is not null) sb.Append(' ').Append(E(unchanged.ErrorId));
                sb.Append("\">\n<label class=\"govuk-label govuk-checkboxes__label\" for=\"").Append(E(unchanged.Id)).Append("\">").Append(E(unchanged.Label)).Append("</label>\n<div id=\"").Append(E(unchanged.Id))
                  .Append("-hint\" class=\"govuk-hint govuk-checkboxes__hint\">Carries last quarter's text forward, marked as confirmed by you today.</div>\n</div>\n</div>\n</div>\n");
            }
            Select(sb, a.Status, a.StatusOptions);
            Select(sb, a.Rag, a.RagOptions);
            var p = a.Progress;
            FieldStart(sb, p);
            sb.Append("<textarea class=\"govuk-textarea").Append(p.Error is null ? "" : " govuk-textarea--error").Append("\" id=\"").Append(E(p.Id)).Append("\" name=\"").Append(E(p.Id)).Append("\" rows=\"6\"");
            Described(sb, p).Append('>').Append(E(a.ProgressText)).Append("</textarea>\n</div>\n</section>\n");
        }
        sb.Append("<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">Save progress</button>\n</form>\n");
    }

    private static StringBuilder Shown(StringBuilder sb, ResponseFormPage.Shown shown)
    {
        sb.Append("<h3 class=\"govuk-heading-s\">").Append(E(shown.Heading)).Append(" <strong class=\"govuk-tag govuk-tag--grey\">").Append(E(shown.Status)).Append("</strong> <strong class=\"govuk-tag govuk-tag--")
          .Append(E(shown.RagColour)).Append("\">").Append(E(shown.Rag)).Append("</strong></h3><div class=\"csp-text\">");
        PlainTextHtml.Append(sb, shown.Text);
        return sb.Append("</div>");
    }

    private static void FieldStart(StringBuilder sb, ResponseFormPage.Field field)
    {
        sb.Append("<div class=\"govuk-form-group").Append(field.Error is null ? "" : " govuk-form-group--error").Append("\">\n<label class=\"govuk-label govuk-label--s\" for=\"").Append(E(field.Id)).Append("\">").Append(E(field.Label)).Append("</label>\n");
        if (field.Error is { } error) ErrorMessage(sb, field.ErrorId, error);
    }

    private static StringBuilder Described(StringBuilder sb, ResponseFormPage.Field field) =>
        field.Error is null ? sb : sb.Append(" aria-describedby=\"").Append(E(field.ErrorId)).Append('"');

    private static void Select(StringBuilder sb, ResponseFormPage.Field field, IReadOnlyList<ResponseFormPage.Option> options)
    {
        FieldStart(sb, field);
        sb.Append("<select class=\"govuk-select").Append(field.Error is null ? "" : " govuk-select--error").Append("\" id=\"").Append(E(field.Id)).Append("\" name=\"").Append(E(field.Id)).Append('"');
        Described(sb, field).Append("><option value=\"\">Choose</option>");
        foreach (var o in options) sb.Append("<option value=\"").Append(E(o.Value)).Append('"').Append(o.Selected ? " selected" : "").Append('>').Append(E(o.Text)).Append("</option>");
        sb.Append("</select>\n</div>\n");
    }

    private static void ErrorMessage(StringBuilder sb, string id, string error) =>
        sb.Append("<p id=\"").Append(E(id)).Append("\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> ").Append(E(error)).Append("</p>\n");

    private static string Tag(string state) => state switch { "Open" => "blue", "Published" => "green", _ => "grey" };

    private static void RoundBody(StringBuilder sb, ManageRoundPage page)
    {
        if (page.HasErrors) throw new NotSupportedException("The benchmark's round page has no errors; the hand-written page does not write the error summaries.");
        if (page.Done is { } done)
            sb.Append("<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"status\" aria-labelledby=\"done-title\" data-module=\"govuk-notification-banner\">\n<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" id=\"done-title\">Done</h2></div>\n<div class=\"govuk-notification-banner__content\"><p class=\"govuk-notification-banner__heading\">")
              .Append(E(done)).Append("</p></div>\n</div>\n");
        sb.Append("<h1 class=\"govuk-heading-l\">").Append(E(page.Title)).Append("</h1>\n<dl class=\"govuk-summary-list\">\n")
          .Append("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Period</dt><dd class=\"govuk-summary-list__value\">").Append(E(page.PeriodLabel)).Append("</dd></div>\n")
          .Append("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Due</dt><dd class=\"govuk-summary-list__value\">").Append(E(page.Due)).Append("</dd></div>\n")
          .Append("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">State</dt><dd class=\"govuk-summary-list__value\"><strong class=\"govuk-tag govuk-tag--").Append(Tag(page.State)).Append("\">").Append(E(page.State)).Append("</strong></dd></div>\n")
          .Append("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">Updates</dt><dd class=\"govuk-summary-list__value\"><strong>").Append(page.Received.ToString(CultureInfo.InvariantCulture)).Append(" of ")
          .Append(page.Actions.ToString(CultureInfo.InvariantCulture)).Append("</strong> actions have an update; ").Append(page.Outstanding.ToString(CultureInfo.InvariantCulture)).Append(" outstanding.</dd></div>\n</dl>\n")
          .Append("<table class=\"govuk-table\">\n<caption class=\"govuk-table__caption govuk-table__caption--m\">Partnership leads</caption>\n<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Lead</th><th scope=\"col\" class=\"govuk-table__header\">Actions</th><th scope=\"col\" class=\"govuk-table__header\">Answered</th><th scope=\"col\" class=\"govuk-table__header\">Reminders sent</th><th scope=\"col\" class=\"govuk-table__header\">Bounces</th></tr></thead>\n<tbody class=\"govuk-table__body\">\n");
        foreach (var l in page.Leads)
        {
            sb.Append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">").Append(E(l.Name)).Append("</th><td class=\"govuk-table__cell\">").Append(E(l.Actions)).Append("</td><td class=\"govuk-table__cell\">");
            if (l.Outstanding is { } outstanding) sb.Append("<strong class=\"govuk-tag govuk-tag--yellow\">Outstanding</strong> ").Append(E(outstanding));
            else sb.Append("<strong class=\"govuk-tag govuk-tag--green\">All answered</strong>");
            sb.Append("</td><td class=\"govuk-table__cell\">").Append(l.Reminders.ToString(CultureInfo.InvariantCulture));
            if (l.LastReminder is { } lastReminder) sb.Append(" (last ").Append(E(lastReminder)).Append(')');
            sb.Append("</td><td class=\"govuk-table__cell\">");
            if (l.Bounces.Count == 0) sb.Append("None");
            else Lines(sb, l.Bounces);
            sb.Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
        if (page.Steer is { } steer) Steer(sb, steer);
        if (page.Filter is { } filter) Filter(sb, filter);
        sb.Append("<h2 class=\"govuk-heading-m\">Generate and check the report</h2>\n<form method=\"get\" action=\"").Append(E(page.ReportAction)).Append("\" novalidate>\n")
          .Append("<div class=\"govuk-form-group\">\n<label class=\"govuk-label\" for=\"audience\">Version</label>\n<select class=\"govuk-select\" id=\"audience\" name=\"audience\"><option value=\"manager\">Manager's version (restricted actions marked)</option><option value=\"board\">Board version</option></select>\n</div>\n")
          .Append("<div class=\"govuk-form-group\">\n<label class=\"govuk-label\" for=\"format\">Format</label>\n<select class=\"govuk-select\" id=\"format\" name=\"format\"><option value=\"html\">Web page (preview)</option><option value=\"docx\">Word</option><option value=\"csv\">CSV</option><option value=\"md\">Markdown</option></select>\n</div>\n")
          .Append("<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\">Generate</button>\n</form>\n");
        if (page.PublishAction is { } publish)
            sb.Append("<h2 class=\"govuk-heading-m\">Publish</h2>\n<p class=\"govuk-body\">Publishing stores the board version (HTML and Word) as it is now, locks the round, and tells the board in Teams. Updates that arrive later are kept and shown as received after publication.</p>\n<form method=\"post\" action=\"")
              .Append(E(publish)).Append("\" novalidate>\n<button type=\"submit\" class=\"govuk-button\" data-module=\"govuk-button\">Publish to the board</button>\n</form>\n");
        else if (page.Published is not null)
            throw new NotSupportedException("The benchmark's round is not published; the hand-written page writes the open round only.");
    }

    private static void Steer(StringBuilder sb, RoundSteerPart steer)
    {
        sb.Append("<h2 class=\"govuk-heading-m\" id=\"steer\">Steer the round</h2>\n<form method=\"post\" action=\"").Append(E(steer.ExtendAction)).Append("\" novalidate>\n<input type=\"hidden\" name=\"etag\" value=\"").Append(E(steer.ETag)).Append("\">\n")
          .Append("<div class=\"govuk-form-group").Append(steer.DueError is null ? "" : " govuk-form-group--error").Append("\">\n<label class=\"govuk-label\" for=\"due-date\">New due date</label>\n<div id=\"due-date-hint\" class=\"govuk-hint\">Reminders follow the new date; a reminder already sent is not sent again.</div>\n");
        if (steer.DueError is { } due) ErrorMessage(sb, "due-date-error", due);
        sb.Append("<input class=\"govuk-input govuk-input--width-10").Append(steer.DueError is null ? "" : " govuk-input--error").Append("\" type=\"date\" id=\"due-date\" name=\"due-date\" value=\"").Append(E(steer.DueValue))
          .Append("\" aria-describedby=\"due-date-hint").Append(steer.DueError is null ? "" : " due-date-error").Append("\">\n</div>\n<div class=\"govuk-form-group").Append(steer.LeadError is null ? "" : " govuk-form-group--error")
          .Append("\">\n<label class=\"govuk-label\" for=\"lead\">For</label>\n");
        if (steer.LeadError is { } lead) ErrorMessage(sb, "lead-error", lead);
        sb.Append("<select class=\"govuk-select\" id=\"lead\" name=\"lead\"").Append(steer.LeadError is null ? "" : " aria-describedby=\"lead-error\"").Append(">\n");
        foreach (var o in steer.LeadChoices) Option(sb, o).Append('\n');
        sb.Append("</select>\n</div>\n<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\">Move the due date</button>\n</form>\n<div id=\"state\">\n");
        if (steer.StateError is { } state) sb.Append("<p class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> ").Append(E(state)).Append("</p>\n");
        if (steer.CloseAction is { } close)
            sb.Append("<form method=\"post\" action=\"").Append(E(close)).Append("\" novalidate>\n<input type=\"hidden\" name=\"etag\" value=\"").Append(E(steer.ETag))
              .Append("\">\n<button type=\"submit\" class=\"govuk-button govuk-button--warning\" data-module=\"govuk-button\">Close the round</button>\n</form>\n");
        if (steer.ReopenAction is { } reopen)
            sb.Append("<form method=\"post\" action=\"").Append(E(reopen)).Append("\" novalidate>\n<input type=\"hidden\" name=\"etag\" value=\"").Append(E(steer.ETag))
              .Append("\">\n<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\">Re-open the round</button>\n</form>\n");
        sb.Append("</div>\n<table class=\"govuk-table\">\n<caption class=\"govuk-table__caption govuk-table__caption--s\">Each lead</caption>\n<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">Lead</th><th scope=\"col\" class=\"govuk-table__header\">Due</th><th scope=\"col\" class=\"govuk-table__header\">On their behalf</th><th scope=\"col\" class=\"govuk-table__header\">Chase</th></tr></thead>\n<tbody class=\"govuk-table__body\">\n");
        foreach (var l in steer.Leads)
        {
            sb.Append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\"><a class=\"govuk-link\" href=\"").Append(E(l.Href)).Append("\">").Append(E(l.Name)).Append("</a></th><td class=\"govuk-table__cell\">").Append(E(l.Due))
              .Append(l.OwnDue ? " <strong class=\"govuk-tag govuk-tag--blue\">Extended</strong>" : "").Append("</td>\n<td class=\"govuk-table__cell\"><a class=\"govuk-link\" href=\"").Append(E(l.RecordHref))
              .Append("\">Record an update<span class=\"govuk-visually-hidden\"> for ").Append(E(l.Name)).Append("</span></a></td>\n<td class=\"govuk-table__cell\">");
            if (l.ChaseAction is { } chase)
                sb.Append("<form method=\"post\" action=\"").Append(E(chase)).Append("\" novalidate><input type=\"hidden\" name=\"lead\" value=\"").Append(E(l.Id))
                  .Append("\"><button type=\"submit\" class=\"govuk-button govuk-button--secondary govuk-!-margin-bottom-0\" data-module=\"govuk-button\">Chase now<span class=\"govuk-visually-hidden\"> ").Append(E(l.Name)).Append("</span></button></form>");
            else sb.Append("Not while the round is closed");
            sb.Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
    }

    private static void Filter(StringBuilder sb, RoundFilterPart filter)
    {
        sb.Append("<h2 class=\"govuk-heading-m\" id=\"actions\">Actions</h2>\n<form method=\"get\" action=\"").Append(E(filter.Action)).Append("\" novalidate>\n<div class=\"govuk-grid-row\">\n");
        FilterSelect(sb, "filter-status", "Status", "status", filter.Statuses);
        FilterSelect(sb, "filter-rag", "RAG", "rag", filter.Rags);
        FilterSelect(sb, "filter-answered", "Answered", "answered", filter.Answered);
        FilterSelect(sb, "filter-lead", "Lead", "lead", filter.Leads);
        sb.Append("</div>\n<button type=\"submit\" class=\"govuk-button govuk-button--secondary\" data-module=\"govuk-button\">Filter</button>\n</form>\n<table class=\"govuk-table\" id=\"action-rows\">\n<caption class=\"govuk-table__caption govuk-table__caption--s\">")
          .Append(filter.Rows.Count.ToString(CultureInfo.InvariantCulture)).Append(" of ").Append(filter.Total.ToString(CultureInfo.InvariantCulture)).Append(" actions</caption>\n")
          .Append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\"><th scope=\"col\" class=\"govuk-table__header\">No.</th><th scope=\"col\" class=\"govuk-table__header\">Action</th><th scope=\"col\" class=\"govuk-table__header\">Lead</th><th scope=\"col\" class=\"govuk-table__header\">Status</th><th scope=\"col\" class=\"govuk-table__header\">RAG</th><th scope=\"col\" class=\"govuk-table__header\">Last quarter</th><th scope=\"col\" class=\"govuk-table__header\">Given by</th></tr></thead>\n<tbody class=\"govuk-table__body\">\n");
        foreach (var r in filter.Rows)
        {
            var number = r.Number.ToString(CultureInfo.InvariantCulture);
            sb.Append("<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\"><a class=\"govuk-link\" href=\"").Append(E(r.Href)).Append("\">").Append(number)
              .Append("<span class=\"govuk-visually-hidden\">: history of action ").Append(number).Append("</span></a></th><td class=\"govuk-table__cell\">").Append(E(r.Text)).Append("</td><td class=\"govuk-table__cell\">").Append(E(r.Leads))
              .Append("</td><td class=\"govuk-table__cell\">").Append(r.Status is { } status ? E(status) : "Not answered").Append("</td><td class=\"govuk-table__cell\">");
            if (r.Rag is { } rag) sb.Append("<strong class=\"govuk-tag govuk-tag--").Append(E(r.RagColour)).Append("\">").Append(E(rag)).Append("</strong>");
            sb.Append("</td><td class=\"govuk-table__cell\">").Append(r.LastQuarterRag is { } last ? E(last) : "None").Append("</td><td class=\"govuk-table__cell\">").Append(r.GivenBy is { } by ? E(by) : "").Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
    }

    private static void FilterSelect(StringBuilder sb, string id, string label, string name, IReadOnlyList<Choice> options)
    {
        sb.Append("<div class=\"govuk-grid-column-one-quarter\"><div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"").Append(id).Append("\">").Append(label).Append("</label><select class=\"govuk-select\" id=\"")
          .Append(id).Append("\" name=\"").Append(name).Append("\">");
        foreach (var o in options) Option(sb, o);
        sb.Append("</select></div></div>\n");
    }

    private static StringBuilder Option(StringBuilder sb, Choice o) =>
        sb.Append("<option value=\"").Append(E(o.Value)).Append('"').Append(o.Selected ? " selected" : "").Append('>').Append(E(o.Text)).Append("</option>");

    private static void Lines(StringBuilder sb, IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++) sb.Append(i == 0 ? "" : "<br>").Append(E(lines[i]));
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
