namespace CspFunctions.Retention;

/// <param name="TextsCleared">Inbound-log entries whose unplaced e-mail text was removed.</param>
public sealed record PurgeOutcome(DateOnly Cutoff, int Deleted, int LeftAlone, int TextsCleared = 0);
