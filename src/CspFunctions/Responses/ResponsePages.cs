using System.Net;
using System.Text;
using CspFunctions.Progress;
using CspFunctions.Responses;

namespace CspFunctions.Responses;

/// <summary>The HTML pages of the response form. Server-rendered, no JavaScript; every piece of user text is encoded.</summary>
public static class ResponsePages
{
    public static string Form(ResponseContext context, string token, FormSubmission? posted, IReadOnlyList<SaveConflict> conflicts, string nonce)
    {
        var errors = posted?.Errors ?? [];
        var answers = posted?.Answers.ToDictionary(a => a.ActionNumber) ?? [];
        var conflictsByAction = conflicts.ToDictionary(c => c.Yours.ActionNumber);
        var body = new StringBuilder();
        body.Append($"<h1>Progress update: {E(context.Lead.Name)}</h1>");
        body.Append($"<p>{E(context.Plan.Name)}. Quarter {E(context.Round.Id)}, due {context.Round.DueDate:d MMMM yyyy}. You are signed in by your personal link as {E(context.Contact.Name)}.</p>");
        body.Append("<p>Fill in the actions you can; you can save part of it now and come back to this link until the round closes.</p>");
        if (errors.Count > 0)
        {
            body.Append("<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\"><h2 id=\"error-summary-title\">There is a problem</h2><ul>");
            foreach (var error in errors) body.Append($"<li><a href=\"#{error.FieldId}\">{E(error.Message)}</a></li>");
            body.Append("</ul><p>Nothing was saved. Your entries are still in the form.</p></div>");
        }
        if (conflicts.Count > 0)
        {
            body.Append("<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"conflict-summary-title\" tabindex=\"-1\"><h2 id=\"conflict-summary-title\">Someone else saved at the same time</h2><ul>");
            foreach (var c in conflicts) body.Append($"<li><a href=\"#conflict-{c.Yours.ActionNumber}\">Action {c.Yours.ActionNumber} was saved by {E(c.Theirs.GivenBy)} while you were editing.</a></li>");
            body.Append("</ul><p>Your text for those actions was not saved but is still in the form. Read theirs, then save again to replace it, or leave it.</p></div>");
        }
        if (context.Unplaced.Count > 0)
        {
            body.Append("<section class=\"unplaced\" aria-labelledby=\"unplaced-title\"><h2 id=\"unplaced-title\">Text from your email that needs placing</h2>");
            body.Append("<p>We could not tell which action this part of your email reply was about. Copy it into the right action below and save.</p>");
            foreach (var reply in context.Unplaced)
                body.Append($"<figure><figcaption>Your email of {reply.ReceivedAt:d MMMM yyyy HH:mm} UTC</figcaption><blockquote><p>{E(reply.UnassignedText!).Replace("\n", "<br>")}</p></blockquote></figure>");
            body.Append("</section>");
        }
        body.Append($"<form method=\"post\" action=\"/api/respond/{Uri.EscapeDataString(token)}\" novalidate>");
        foreach (var action in context.Actions)
        {
            var n = action.Number;
            answers.TryGetValue(n, out var answer);
            context.Current.TryGetValue(n, out var current);
            context.LastQuarter.TryGetValue(n, out var last);
            var baseVersion = conflictsByAction.TryGetValue(n, out var conflict) ? conflict.Theirs.Version : answer?.BaseVersion ?? current?.Version ?? 0;
            var status = answer?.Status ?? (answer is null ? current?.Status : null);
            var rag = answer?.Rag ?? (answer is null ? current?.Rag : null);
            var text = answer?.Text ?? current?.Text ?? "";
            var unchanged = answer?.Unchanged ?? false;

            body.Append($"<section class=\"action\" aria-labelledby=\"action-{n}\"><h2 id=\"action-{n}\">Action {n}</h2><p>{Paragraphs(action.Text)}</p>");
            body.Append(last is null
                ? "<p class=\"previous\"><strong>Last quarter:</strong> no update was recorded.</p>"
                : $"<div class=\"previous\"><h3>Last quarter's update ({E(last.Status.Display())}, {E(last.Rag.Display())})</h3><p>{Paragraphs(last.Text)}</p></div>");
            if (current is not null && conflict is null)
                body.Append($"<p class=\"saved-note\">Saved this quarter by {E(current.GivenBy)} on {current.GivenAt.UtcDateTime:d MMMM yyyy 'at' HH:mm} UTC.</p>");
            if (conflict is not null)
                body.Append($"<div class=\"conflict\" id=\"conflict-{n}\" tabindex=\"-1\"><h3>Saved by {E(conflict.Theirs.GivenBy)} on {conflict.Theirs.GivenAt.UtcDateTime:d MMMM yyyy 'at' HH:mm} UTC</h3>" +
                            $"<p>{E(conflict.Theirs.Status.Display())}, {E(conflict.Theirs.Rag.ToString())}</p><p>{Paragraphs(conflict.Theirs.Text)}</p></div>");
            body.Append($"<input type=\"hidden\" name=\"{FormSubmission.BaseField(n)}\" value=\"{baseVersion}\">");
            if (last is not null)
                body.Append(Checkbox(FormSubmission.UnchangedField(n), "No change since last quarter", $"Carries last quarter's text forward, marked as confirmed by you today.", unchanged, errors));
            body.Append(Select(FormSubmission.StatusField(n), "Status", ProgressStatusNames.Choosable.Select(s => (s.ToString(), s.Display())), status?.ToString(), errors));
            body.Append(Select(FormSubmission.RagField(n), "RAG rating", Enum.GetValues<Rag>().Where(r => r != Rag.NotGiven).Select(r => (r.ToString(), r.ToString())), rag?.ToString(), errors));
            body.Append(TextArea(FormSubmission.TextField(n), "Progress this quarter", text, errors));
            body.Append("</section>");
        }
        body.Append("<button type=\"submit\">Save progress</button></form>");
        return Page(errors.Count > 0 ? "Error: Progress update" : "Progress update", body.ToString(), nonce);
    }

    public static string Saved(ResponseContext context, SaveOutcome outcome, string formUrl, bool emailed, string nonce)
    {
        var body = new StringBuilder("<h1>Thank you: your progress is saved</h1>");
        body.Append($"<p>{E(context.Plan.Name)}, quarter {E(context.Round.Id)}, for {E(context.Lead.Name)}.</p>");
        var captured = outcome.Saved.Concat(outcome.AlreadyCurrent).OrderBy(u => u.ActionNumber).ToList();
        body.Append("<h2>What we captured</h2><dl class=\"captured\">");
        foreach (var u in captured)
            body.Append($"<dt>Action {u.ActionNumber}: {E(u.Status.Display())}, {E(u.Rag.ToString())}</dt><dd>{Paragraphs(u.Text)}</dd>");
        body.Append("</dl>");
        body.Append(emailed ? $"<p>We have emailed a copy to {E(context.Contact.Email)}.</p>" : "<p>We could not email you a copy just now; this page is your record.</p>");
        body.Append($"<p><a href=\"{E(formUrl)}\">Change your update</a> (you can until the round closes).</p>");
        return Page("Progress saved", body.ToString(), nonce);
    }

    public static string Message(string title, string message, string nonce, string? renewAction = null)
    {
        var body = new StringBuilder($"<h1>{E(title)}</h1><p>{E(message)}</p>");
        if (renewAction is not null)
            body.Append($"<form method=\"post\" action=\"{E(renewAction)}\"><button type=\"submit\">Email me a new link</button></form>");
        return Page(title, body.ToString(), nonce);
    }

    private static string Checkbox(string id, string label, string hint, bool isChecked, IReadOnlyList<FieldError> errors)
    {
        var error = errors.FirstOrDefault(e => e.FieldId == id);
        return $"<div class=\"field{(error is null ? "" : " has-error")}\">{ErrorText(id, error)}<input type=\"checkbox\" id=\"{id}\" name=\"{id}\" value=\"yes\"{(isChecked ? " checked" : "")} aria-describedby=\"{id}-hint{(error is null ? "" : $" {id}-error")}\">" +
               $"<label for=\"{id}\">{E(label)}</label><p class=\"hint\" id=\"{id}-hint\">{E(hint)}</p></div>";
    }

    private static string Select(string id, string label, IEnumerable<(string Value, string Text)> options, string? selected, IReadOnlyList<FieldError> errors)
    {
        var error = errors.FirstOrDefault(e => e.FieldId == id);
        var sb = new StringBuilder($"<div class=\"field{(error is null ? "" : " has-error")}\"><label for=\"{id}\">{E(label)}</label>{ErrorText(id, error)}");
        sb.Append($"<select id=\"{id}\" name=\"{id}\"{Invalid(id, error)}><option value=\"\">Choose</option>");
        foreach (var (value, text) in options) sb.Append($"<option value=\"{E(value)}\"{(value == selected ? " selected" : "")}>{E(text)}</option>");
        return sb.Append("</select></div>").ToString();
    }

    private static string TextArea(string id, string label, string text, IReadOnlyList<FieldError> errors)
    {
        var error = errors.FirstOrDefault(e => e.FieldId == id);
        return $"<div class=\"field{(error is null ? "" : " has-error")}\"><label for=\"{id}\">{E(label)}</label>{ErrorText(id, error)}<textarea id=\"{id}\" name=\"{id}\" rows=\"6\"{Invalid(id, error)}>{E(text)}</textarea></div>";
    }

    private static string ErrorText(string id, FieldError? error) => error is null ? "" : $"<p class=\"error\" id=\"{id}-error\"><span class=\"visually-hidden\">Error:</span> {E(error.Message)}</p>";

    private static string Invalid(string id, FieldError? error) => error is null ? "" : $" aria-invalid=\"true\" aria-describedby=\"{id}-error\"";

    private static string Page(string title, string body, string nonce) =>
        $"<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<meta name=\"referrer\" content=\"no-referrer\"><title>{E(title)}</title><style nonce=\"{nonce}\">{Css}</style></head>" +
        $"<body><a class=\"skip\" href=\"#main\">Skip to content</a><main id=\"main\">{body}</main></body></html>";

    private const string Css =
        "body{font-family:system-ui,Arial,sans-serif;font-size:1.1rem;line-height:1.5;color:#0b0c0c;background:#fff;margin:0}" +
        "main{max-width:46rem;margin:0 auto;padding:1rem}" +
        ".skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fd0;color:#0b0c0c;padding:.5rem}" +
        "h1{font-size:1.8rem}h2{font-size:1.4rem}h3{font-size:1.1rem;margin:0 0 .25rem}" +
        ".action{border-top:2px solid #505a5f;padding-top:.5rem;margin-top:1.5rem}" +
        ".previous{background:#f3f2f1;padding:.5rem 1rem;border-left:4px solid #505a5f}" +
        ".field{margin:1rem 0}label{display:block;font-weight:600}.field input[type=checkbox]+label{display:inline;margin-left:.5rem}" +
        "select,textarea{font:inherit;border:2px solid #0b0c0c;padding:.3rem;min-height:2.5rem;max-width:100%;box-sizing:border-box}textarea{width:100%}" +
        "input[type=checkbox]{width:1.5rem;height:1.5rem;vertical-align:middle}" +
        ".hint{color:#505a5f;margin:.25rem 0}.error{color:#a4120f;font-weight:600;margin:.25rem 0}.has-error{border-left:4px solid #a4120f;padding-left:.75rem}" +
        ".error-summary{border:4px solid #a4120f;padding:.5rem 1rem;margin:1rem 0}.error-summary a{color:#a4120f}" +
        ".conflict{border:4px solid #8a4b00;padding:.5rem 1rem;margin:.5rem 0}" +
        "a{color:#1d4f91}a:focus,button:focus,select:focus,textarea:focus,input:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:0 0 0 5px #0b0c0c}" +
        "button{font:inherit;font-weight:600;background:#00703c;color:#fff;border:0;padding:.6rem 1.2rem;min-height:2.75rem;cursor:pointer;margin-top:1rem}" +
        ".visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}";

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string Paragraphs(string text) => E(text).Replace("\n", "<br>");
}
