namespace CspFunctions.Templating;

/// <summary>Markup that one of our own templates produced (a page body placed in the layout): the one value
/// <see cref="HtmlTemplateContext"/> writes as it stands. Only this assembly can make one, from a rendered template.</summary>
public sealed class TrustedHtml
{
    internal TrustedHtml(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;
}
