using CspFunctions.Access;
using CspFunctions.Http;
using CspFunctions.Import;
using CspFunctions.Plans;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace CspFunctions.Plans;

/// <summary>POST a plan as JSON, or as CSV, Excel or Word with the plan's details in the query string (docs/import.md).</summary>
public sealed class ImportPlanFunction(PlanImporter importer, TimeProvider clock, ILogger<ImportPlanFunction> logger)
{
    public const long MaxBodyBytes = 10 * 1024 * 1024;

    [Function("ImportPlan")]
    [Access(RouteAccess.FunctionKey, KeyName = "plan-import")]
    public async Task<IActionResult> Run([HttpTrigger(AuthorizationLevel.Function, "post", Route = "plans/import")] HttpRequest request, CancellationToken ct)
    {
        var format = PlanFileFormat.From(request.Query["format"], request.ContentType);
        if (format is null)
            return Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Send the plan as JSON (application/json), CSV (text/csv), Excel (.xlsx) or Word (.docx) with its content type, or add ?format=json, csv, xlsx or docx.");
        try
        {
            using var body = await BodyReader.ReadLimitedAsync(request, MaxBodyBytes, ct);
            var document = PlanFileFormat.Read(format.Value, body, request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).Document;
            var outcome = await importer.ImportAsync(document, ct);
            logger.LogInformation("Imported plan {PlanId} revision {Revision}: {Actions} actions, {UpdatesAdded} updates added", outcome.PlanId, outcome.Revision, outcome.Actions, outcome.UpdatesAdded);
            return new JsonResult(outcome, ApiJson.Options) { StatusCode = outcome.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK };
        }
        catch (PlanImportException ex)
        {
            return Problems.Import(ex.Problems);
        }
        catch (BodyTooLargeException ex)
        {
            return Problems.Status(StatusCodes.Status413PayloadTooLarge, ex.Message, "Split the plan or remove embedded content; a plan file is normally well under 1 MB.");
        }
        catch (ConcurrencyConflictException ex)
        {
            return Problems.Status(StatusCodes.Status409Conflict, ex.Message);
        }
        catch (UpdateConflictException ex)
        {
            return Problems.Status(StatusCodes.Status409Conflict, "The plan was saved, but a progress update in the file collided with one being saved at the same moment. Import again to finish.", ex.Message);
        }
    }
}
