using CspFunctions.Access;
using CspFunctions.Http;
using CspFunctions.Reporting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CspFunctions.Reporting;

/// <summary>The consolidated plan for one round, rendered now from storage: ?format=html|docx|csv|md, ?audience=board|manager.
/// The manager's version (restricted actions shown) needs the manager role when App Service Authentication is on.</summary>
public sealed class ReportFunction(ReportSource source)
{
    [Function("Report")]
    [Access(RouteAccess.PlanManager)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "plans/{planId}/rounds/{roundId}/report")] HttpRequest request,
        string planId, string roundId, CancellationToken ct)
    {
        if (!ReportRenderer.TryParse(request.Query["format"], out var format))
            return Problems.Status(StatusCodes.Status400BadRequest, $"Unknown report format '{request.Query["format"]}'.", "Use format=html, docx, csv or md.");
        var audienceText = request.Query["audience"].ToString();
        if (!Enum.TryParse<ReportAudience>(audienceText.Length == 0 ? "board" : audienceText, ignoreCase: true, out var audience) || !Enum.IsDefined(audience))
            return Problems.Status(StatusCodes.Status400BadRequest, $"Unknown audience '{audienceText}'.", "Use audience=board or audience=manager.");
        try
        {
            var rendered = ReportRenderer.Render(await source.BuildAsync(planId, roundId, audience, ct), format);
            return format == ReportFormat.Html
                ? new FileContentResult(rendered.Content, rendered.ContentType)
                : new FileContentResult(rendered.Content, rendered.ContentType) { FileDownloadName = rendered.FileName };
        }
        catch (ReportNotFoundException ex)
        {
            return Problems.Status(StatusCodes.Status404NotFound, ex.Message);
        }
    }
}
