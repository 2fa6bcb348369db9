using CspFunctions.Access;
using CspFunctions.Import;
using CspFunctions.Plans;
using CspFunctions.Reporting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using CspFunctions.Pages;

namespace CspFunctions.NewPlans;

/// <summary>The plan upload form: Word (the seed's table), Excel or CSV (the CSV columns), or a JSON plan file. All or nothing:
/// a file with problems changes nothing and the page lists every problem with its row.</summary>
public sealed class UploadPlanFunction(PlanImporter importer, IPlanStore plans)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    [Function("UploadPlanForm")]
    [Access(RouteAccess.AnyPlanManager)]
    public IActionResult Form([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/upload")] HttpRequest request) =>
        Page(request, Blank(request));

    [Function("UploadPlan")]
    [Access(RouteAccess.AnyPlanManager)]
    public async Task<IActionResult> Upload([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/upload")] HttpRequest request, CancellationToken ct)
    {
        var blank = Blank(request);
        if (request.ContentLength > MaxBytes) return Page(request, blank.WithError($"The file is larger than the {MaxBytes / 1024 / 1024} MB limit. Nothing was imported."), StatusCodes.Status413PayloadTooLarge);
        if (!request.HasFormContentType) return Page(request, blank.WithError("Send the form with its file (multipart/form-data). Nothing was imported."), StatusCodes.Status400BadRequest);
        IFormCollection form;
        try { form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxBytes, ValueLengthLimit = 64 * 1024 }, ct); }
        catch (InvalidDataException) { return Page(request, blank.WithError($"The upload is larger than the {MaxBytes / 1024 / 1024} MB limit or malformed. Nothing was imported."), StatusCodes.Status413PayloadTooLarge); }
        var entered = blank with
        {
            Values = new UploadPage.Entered(form["id"].ToString(), form["name"].ToString(), form["year"].ToString(), form["managerName"].ToString(), form["managerEmail"].ToString(), form["round"].ToString()),
        };
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0) return Page(request, entered.WithError("Choose a plan file to upload. Nothing was imported."), StatusCodes.Status400BadRequest);

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
                return Page(request, entered.WithError("You may upload only plans you manage, and a new plan must list you as a manager. Nothing was imported."), StatusCodes.Status403Forbidden);
            var outcome = await importer.ImportAsync(document, ct);
            var links = new ManagerLinks();
            return Page(request, blank.WithImported(outcome, links.Plan(outcome.PlanId)));
        }
        catch (PlanImportException ex)
        {
            return Page(request, entered.WithProblems(ex.Problems.Select(p => p.ToString()).ToList()), StatusCodes.Status400BadRequest);
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or UpdateConflictException)
        {
            return Page(request, entered.WithError(ex.Message + " Upload again."), StatusCodes.Status409Conflict);
        }
    }

    private static string? Value(IFormCollection form, string key) => form[key].ToString() is { Length: > 0 } v ? v.Trim() : null;

    private static UploadPage Blank(HttpRequest request) =>
        new(new ManagerLinks().Upload, UploadPage.Entered.Empty);

    private static PageResult Page(HttpRequest request, UploadPage page, int status = StatusCodes.Status200OK) =>
        new(UploadPage.Template, page, new ManagerLinks().Layout("Upload a plan", hasErrors: page.HasErrors), status);
}
