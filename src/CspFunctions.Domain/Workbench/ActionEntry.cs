using CspFunctions.Progress;
using CspFunctions.Reporting;

namespace CspFunctions.Workbench;

/// <summary>One of a lead's actions on a form that puts text on actions (placing a reply, recording an update on the
/// lead's behalf): whether it is chosen, the text, status and RAG as entered, the version the page showed, the current
/// update, and what someone else saved meanwhile.</summary>
public sealed record ActionEntry(int Number, IReadOnlyList<TextBlock> ActionText, bool Include, string Text, string Status, string Rag, int BaseVersion,
    string? Current, string? TextError, string? StatusError, string? RagError, string? Theirs)
{
    /// <summary>The action's reference as the plan writes it ("1.10"), for labels; the fields are named by its number.</summary>
    public string Ref { get; init; } = Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string IncludeId => $"include-{Number}";
    public string TextId => $"text-{Number}";
    public string StatusId => $"status-{Number}";
    public string RagId => $"rag-{Number}";
    public string BaseField => $"base-{Number}";
    public string TheirsId => $"theirs-{Number}";

    public IReadOnlyList<Choice> StatusChoices => ProgressStatusNames.Choosable.Select(s => new Choice(s.ToString(), s.Display(), s.ToString() == Status)).ToList();
    public IReadOnlyList<Choice> RagChoices => Enum.GetValues<Progress.Rag>().Where(r => r != Progress.Rag.NotGiven).Select(r => new Choice(r.ToString(), r.ToString(), r.ToString() == Rag)).ToList();
}
