using CspFunctions.Templating;
using Scriban.Runtime;

namespace CspFunctions.Messaging;

/// <summary>Renders a mail's text and HTML parts from the same view model: {name}.txt.sbn and {name}.html.sbn with the
/// model's properties as globals (snake_case), each placed in the one mail layout with its footer.</summary>
public static class MailRenderer
{
    public static (string Text, string Html) Render(string name, object model, string subject, MailFooter footer)
    {
        var text = RenderPart(name + ".txt.sbn", model, subject);
        var html = RenderPart(name + ".html.sbn", model, subject);
        return (
            PageRenderer.RenderOne("mail-layout.txt.sbn", new ScriptObject { ["content"] = text.TrimEnd('\n'), ["footer"] = footer, ["subject"] = subject }),
            PageRenderer.RenderOne("mail-layout.html.sbn", new ScriptObject { ["content"] = new TrustedHtml(html), ["footer"] = footer, ["subject"] = subject }));
    }

    private static string RenderPart(string template, object model, string subject)
    {
        var globals = new ScriptObject();
        globals.Import(model);
        globals["subject"] = subject;
        return PageRenderer.RenderOne(template, globals);
    }
}
