namespace CspFunctions.Workbench;

/// <summary>One option of a select or radio group on a workbench page.</summary>
public sealed record Choice(string Value, string Text, bool Selected);
