using CspFunctions.Responses;

namespace CspFunctions.Workbench;

/// <summary>How a manager's change went: saved, refused with field errors (nothing saved), or a conflict with what
/// someone else saved first (nothing saved; the page shows both versions).</summary>
public sealed record WorkbenchOutcome(IReadOnlyList<FieldError> Errors, string? Conflict, object? Theirs)
{
    public static WorkbenchOutcome Saved { get; } = new([], null, null);

    public bool IsSaved => Errors.Count == 0 && Conflict is null;

    public static WorkbenchOutcome Refused(params FieldError[] errors) => new(errors, null, null);

    public static WorkbenchOutcome Refused(IReadOnlyList<FieldError> errors) => new(errors, null, null);

    public static WorkbenchOutcome Conflicted(string message, object? theirs) => new([], message, theirs);
}
