namespace CspFunctions.Workbench;

/// <summary>A line of a page's error summary, linking to the field it is about.</summary>
public sealed record ErrorLink(string Href, string Text)
{
    public static IReadOnlyList<ErrorLink> Of(IEnumerable<Responses.FieldError> errors) => errors.Select(e => new ErrorLink("#" + e.FieldId, e.Message)).ToList();
}
