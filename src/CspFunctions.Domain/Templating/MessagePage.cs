namespace CspFunctions.Templating;

/// <summary>A page that only tells the reader something (Templating/Templates/message.html.sbn). An error shows as an
/// error summary (with the title as its heading); an action is a one-button form; back is a link.</summary>
public sealed record MessagePage(string Title, IReadOnlyList<string> Paragraphs)
{
    public const string Template = "message.html.sbn";

    public bool IsError { get; init; }
    public Crumb? Action { get; init; }
    public Crumb? Back { get; init; }

    public static MessagePage Info(string title, params string[] paragraphs) => new(title, paragraphs);

    public static MessagePage Error(string title, params string[] paragraphs) => new(title, paragraphs) { IsError = true };
}
