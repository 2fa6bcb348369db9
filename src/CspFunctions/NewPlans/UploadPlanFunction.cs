using CspFunctions.Access;
using CspFunctions.Import;
using CspFunctions.Plans;
using CspFunctions.Reporting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using static CspFunctions.Reporting.ManagerPage;

namespace CspFunctions.NewPlans;

/// <summary>The plan upload form: Word (the seed's table), Excel or CSV (the CSV columns), or a JSON plan file. All or nothing:
/// a file with problems changes nothing and the page lists every problem with its row.</summary>
public sealed class UploadPlanFunction(PlanImporter importer, IPlanStore plans)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    [Function("UploadPlanForm")]
    [Access(RouteAccess.AnyPlanManager)]
    public IActionResult Form([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/upload")] HttpRequest request) =>
        Page(request, "", null);

    [Function("UploadPlan")]
    [Access(RouteAccess.AnyPlanManager)]
    public async Task<IActionResult> Upload([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/upload")] HttpRequest request, CancellationToken ct)
    {
        if (IsCrossSite(request)) return Html("Refused", "<p class=\"error\">This form was sent from another site, so it was refused.</p>", request, StatusCodes.Status403Forbidden);
        if (request.ContentLength > MaxBytes) return Page(request, Error($"The file is larger than the {MaxBytes / 1024 / 1024} MB limit. Nothing was imported."), null, StatusCodes.Status413PayloadTooLarge);
        if (!request.HasFormContentType) return Page(request, Error("Send the form with its file (multipart/form-data). Nothing was imported."), null, StatusCodes.Status400BadRequest);
        IFormCollection form;
        try { form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxBytes, ValueLengthLimit = 64 * 1024 }, ct); }
        catch (InvalidDataException) { return Page(request, Error($"The upload is larger than the {MaxBytes / 1024 / 1024} MB limit or malformed. Nothing was imported."), null, StatusCodes.Status413PayloadTooLarge); }
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0) return Page(request, Error("Choose a plan file to upload. Nothing was imported."), form, StatusCodes.Status400BadRequest);

        var header = new CsvPlanHeader(Value(form, "id"), Value(form, "name"), int.TryParse(Value(form, "year"), out var year) ? year : null,
            Value(form, "managerName"), Value(form, "managerEmail"));
        try
        {
            await using var content = new MemoryStream();
            await file.CopyToAsync(content, ct);
            content.Position = 0;
            var document = UploadedPlanFile.Read(file.FileName, content, header, Value(form, "round"));
            var existing = document.Id is { } id && PlanValidator.IsValidId(id) ? await plans.GetAsync(id, ct) : null;
            if (!file.FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && existing is not null)
                document = KnownLeads.Apply(document, existing.Plan);
            // The plan is named in the file, not the route, so this is the one route that asks the rules itself.
            var managers = (document.Managers ?? []).Select(m => new Contact(m.Name ?? "", m.Email ?? "", m.TeamsUserId));
            if (AccessGate.UserOf(request.HttpContext) is not { } user || !AccessRules.MayWritePlan(user, existing?.Plan, managers))
                return Page(request, Error("You may upload only plans you manage, and a new plan must list you as a manager. Nothing was imported."), form, StatusCodes.Status403Forbidden);
            var outcome = await importer.ImportAsync(document, ct);
            var link = Link(request, $"manage/plans/{Seg(outcome.PlanId)}");
            return Page(request, $"<p class=\"ok\" role=\"status\">{(outcome.Created ? "Created" : "Updated")} plan <a href=\"{H(link)}\">{H(outcome.PlanId)}</a>: {outcome.Actions} actions, {outcome.Leads} leads, {outcome.UpdatesAdded} updates added.</p>", null);
        }
        catch (PlanImportException ex)
        {
            var items = Rows(ex.Problems, p => $"<li>{H(p)}</li>");
            return Page(request, $"<div class=\"error\" role=\"alert\"><p>The plan was not imported: {ex.Problems.Count} problem(s). Nothing was changed.</p><ul>{items}</ul></div>", form, StatusCodes.Status400BadRequest);
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or UpdateConflictException)
        {
            return Page(request, Error(ex.Message + " Upload again."), form, StatusCodes.Status409Conflict);
        }
    }

    private static string? Value(IFormCollection form, string key) => form[key].ToString() is { Length: > 0 } v ? v.Trim() : null;
    private static string Error(string text) => $"<p class=\"error\" role=\"alert\">{H(text)}</p>";

    private static ContentResult Page(HttpRequest request, string message, IFormCollection? form, int status = StatusCodes.Status200OK)
    {
        string V(string key) => form is null ? "" : H(form[key].ToString());
        var body = $"""
            {message}
            <p>Word: the first table in the plan's own layout (No. | Key actions and major projects | Partnership Leads | Linked document | Progress,
            a row spanning the table for each priority). Excel and CSV: the columns in the import guide. JSON: a plan file, which carries its own details.</p>
            <form method="post" enctype="multipart/form-data" action="{H(Link(request, "manage/upload"))}">
            <label for="file">Plan file</label>
            <p class="hint" id="file-hint">.docx, .xlsx, .csv or .json, up to 10 MB.</p>
            <input type="file" id="file" name="file" accept=".docx,.xlsx,.csv,.json" aria-describedby="file-hint" required>
            <label for="id">Plan id</label>
            <p class="hint" id="id-hint">Lower-case letters, digits and hyphens, e.g. luton-2019-20. Not needed for JSON.</p>
            <input type="text" id="id" name="id" aria-describedby="id-hint" value="{V("id")}">
            <label for="name">Plan name</label>
            <input type="text" id="name" name="name" value="{V("name")}">
            <label for="year">First calendar year of the financial year</label>
            <p class="hint" id="year-hint">For 2019-20, enter 2019.</p>
            <input type="number" id="year" name="year" min="2000" max="2200" aria-describedby="year-hint" value="{V("year")}">
            <label for="managerName">CSP manager's name</label>
            <input type="text" id="managerName" name="managerName" autocomplete="name" value="{V("managerName")}">
            <label for="managerEmail">CSP manager's email</label>
            <input type="email" id="managerEmail" name="managerEmail" autocomplete="email" value="{V("managerEmail")}">
            <label for="round">Round of the progress in a Word file (optional)</label>
            <p class="hint" id="round-hint">e.g. 2018-19-Q4 to import the Progress column as that quarter's updates.</p>
            <input type="text" id="round" name="round" aria-describedby="round-hint" value="{V("round")}">
            <button type="submit">Upload and import</button>
            </form>
            """;
        return Html("Upload a plan", body, request, status);
    }
}
