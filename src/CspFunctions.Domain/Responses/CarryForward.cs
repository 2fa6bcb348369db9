namespace CspFunctions.Responses;

/// <summary>Whether an emailed update said only "no change".</summary>
public enum CarryForward
{
    /// <summary>A real update.</summary>
    None,
    /// <summary>"No change" with an update last quarter: that update is carried forward, stamped with who confirmed it and when.</summary>
    Carried,
    /// <summary>"No change" with nothing to carry forward: stored as written and shown to the manager as needing a real update.</summary>
    NoPrevious,
}
