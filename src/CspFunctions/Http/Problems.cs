using CspFunctions.Import;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CspFunctions.Http;

/// <summary>RFC 9457 problem responses with a plain-words title.</summary>
public static class Problems
{
    public static IActionResult Status(int status, string title, string? detail = null) =>
        new ObjectResult(new ProblemDetails { Status = status, Title = title, Detail = detail })
        { StatusCode = status, ContentTypes = { "application/problem+json" } };

    public static IActionResult Import(IReadOnlyList<ImportProblem> problems) =>
        new ObjectResult(new
        {
            type = "https://cspfunctions.example/problems/import",
            title = $"The plan was not imported: {problems.Count} problem(s) found. Nothing was changed.",
            status = StatusCodes.Status400BadRequest,
            problems = problems.Select(p => new { row = p.Row, field = p.Field, message = p.Message }),
        })
        { StatusCode = StatusCodes.Status400BadRequest, ContentTypes = { "application/problem+json" } };
}
