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

/// <summary>The plan upload page: a Word, Excel, CSV or JSON plan is first previewed (what was understood, nothing stored);
/// "Confirm import" imports exactly the previewed plan. All or nothing: a file with problems changes nothing and the page
/// lists every problem with its row.</summary>
public sealed class UploadPlanFunction(PlanUpload upload, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    private const int MaxMegabytes = (int)(MaxBytes / 1024 / 1024);

    [Function("UploadPlanForm")]
    [Access(RouteAccess.AnyPlanManager)]
    public IActionResult Form([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/upload")] HttpRequest request) =>
        Page(Blank());

    [Function("UploadPlan")]
    [Access(RouteAccess.AnyPlanManager)]
    public async Task<IActionResult> Upload([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/upload")] HttpRequest request, CancellationToken ct)
    {
        var blank = Blank();
        if (request.ContentLength > MaxBytes) return Page(blank.WithError($"The file is larger than the {MaxMegabytes} MB limit. Nothing was imported."), StatusCodes.Status413PayloadTooLarge);
        if (!request.HasFormContentType) return Page(blank.WithError("Send the form with its file (multipart/form-data). Nothing was imported."), StatusCodes.Status400BadRequest);
        IFormCollection form;
        // The confirm step posts the previewed plan back as one field, so a field may be as large as a file.
        try { form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxBytes, ValueLengthLimit = (int)MaxBytes }, ct); }
        catch (InvalidDataException) { return Page(blank.WithError($"The upload is larger than the {MaxMegabytes} MB limit or malformed. Nothing was imported."), StatusCodes.Status413PayloadTooLarge); }
        var entered = blank with
        {
            Values = new UploadPage.Entered(form["id"].ToString(), form["name"].ToString(), form["year"].ToString(), form["managerName"].ToString(), form["managerEmail"].ToString(), form["round"].ToString()),
        };
        if (AccessGate.UserOf(request.HttpContext) is not { } user) return Page(entered.WithError("Sign in to upload a plan. Nothing was imported."), StatusCodes.Status403Forbidden);
        try
        {
            if (Value(form, "document") is { } previewed)
            {
                var outcome = await upload.ConfirmAsync(user, previewed, int.TryParse(Value(form, "revision"), out var revision) ? revision : -1, ct);
                return Page(blank.WithImported(outcome, new ManagerLinks().Plan(outcome.PlanId)));
            }
            var file = form.Files.GetFile("file");
            if (file is null || file.Length == 0) return Page(entered.WithError("Choose a plan file to upload. Nothing was imported."), StatusCodes.Status400BadRequest);
            var header = new CsvPlanHeader(Value(form, "id"), Value(form, "name"), int.TryParse(Value(form, "year"), out var year) ? year : null,
                Value(form, "managerName"), Value(form, "managerEmail"));
            await using var content = new MemoryStream();
            await file.CopyToAsync(content, ct);
            content.Position = 0;
            var preview = await upload.PreviewAsync(user, file.FileName, content, header, Value(form, "round"), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
            return Page(entered with { Preview = preview });
        }
        catch (PlanImportException ex)
        {
            return Page(entered.WithProblems(ex.Problems.Select(p => p.ToString()).ToList()), StatusCodes.Status400BadRequest);
        }
        catch (UploadRefusedException ex)
        {
            return Page(entered.WithError(ex.Message), StatusCodes.Status403Forbidden);
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or UpdateConflictException)
        {
            return Page(entered.WithError(ex.Message), StatusCodes.Status409Conflict);
        }
    }

    private static string? Value(IFormCollection form, string key) => form[key].ToString() is { Length: > 0 } v ? v.Trim() : null;

    private static UploadPage Blank() => new(new ManagerLinks().Upload, UploadPage.Entered.Empty) { MaxMegabytes = MaxMegabytes };

    private static PageResult Page(UploadPage page, int status = StatusCodes.Status200OK) =>
        new(UploadPage.Template, page, new ManagerLinks().Layout(page.Title, hasErrors: page.HasErrors), status);
}
