using CspFunctions.Access;
using CspFunctions.Http;
using CspFunctions.Reporting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CspFunctions.Reporting;

/// <summary>A published snapshot, exactly as the board received it.</summary>
public sealed class SnapshotFunction(ISnapshotStore snapshots)
{
    [Function("ReportSnapshot")]
    [Access(RouteAccess.PlanBoard)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{planId}/{roundId}/{file}")] HttpRequest request,
        string planId, string roundId, string file, CancellationToken ct)
    {
        var contentType = file switch
        {
            ReportPublisher.HtmlFile => "text/html; charset=utf-8",
            ReportPublisher.DocxFile => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            _ => null,
        };
        if (contentType is null || !Import.PlanValidator.IsValidId(planId) || !Plans.FinancialQuarter.TryParseRoundId(roundId, out _))
            return Problems.Status(StatusCodes.Status404NotFound, "There is no such published report.");
        var content = await snapshots.GetAsync(planId, roundId, file, ct);
        if (content is null) return Problems.Status(StatusCodes.Status404NotFound, $"Round {roundId} of plan '{planId}' has not been published.");
        return file == ReportPublisher.DocxFile
            ? new FileContentResult(content, contentType) { FileDownloadName = $"{planId}-{roundId}.docx" }
            : new FileContentResult(content, contentType);
    }
}
