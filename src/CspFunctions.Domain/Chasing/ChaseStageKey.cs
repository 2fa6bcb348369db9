namespace CspFunctions.Chasing;

/// <summary>
/// One step of a round's chasing. <see cref="Sequence"/> numbers the overdue chasers from 1 and is 0 for the other kinds.
/// <see cref="Id"/> is stable ("opening", "reminder", "due", "overdue-1", "escalation"): it is stored in reminder-log keys.
/// </summary>
public readonly record struct ChaseStageKey(ChaseStageKind Kind, int Sequence = 0)
{
    private const string OverduePrefix = "overdue-";

    public static ChaseStageKey Opening => new(ChaseStageKind.Opening);
    public static ChaseStageKey Reminder => new(ChaseStageKind.Reminder);
    public static ChaseStageKey DueDay => new(ChaseStageKind.DueDay);
    public static ChaseStageKey Escalation => new(ChaseStageKind.Escalation);

    public static ChaseStageKey Overdue(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return new(ChaseStageKind.Overdue, number);
    }

    public bool IsEscalation => Kind == ChaseStageKind.Escalation;

    public string Id => Kind switch
    {
        ChaseStageKind.Opening => "opening",
        ChaseStageKind.Reminder => "reminder",
        ChaseStageKind.DueDay => "due",
        ChaseStageKind.Overdue => $"{OverduePrefix}{Sequence}",
        ChaseStageKind.Escalation => "escalation",
        _ => throw new InvalidOperationException($"Unknown chase stage kind {Kind}."),
    };

    public static bool TryParse(string? id, out ChaseStageKey stage)
    {
        stage = default;
        switch (id)
        {
            case "opening": stage = Opening; return true;
            case "reminder": stage = Reminder; return true;
            case "due": stage = DueDay; return true;
            case "escalation": stage = Escalation; return true;
        }
        if (id is null || !id.StartsWith(OverduePrefix, StringComparison.Ordinal)) return false;
        var digits = id.AsSpan(OverduePrefix.Length);
        if (digits.Length is 0 or > 3 || digits[0] == '0' || !int.TryParse(digits, System.Globalization.NumberStyles.None, null, out var number)) return false;
        stage = Overdue(number);
        return true;
    }

    public override string ToString() => Id;
}
