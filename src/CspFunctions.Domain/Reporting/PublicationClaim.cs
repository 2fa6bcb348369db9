namespace CspFunctions.Reporting;

/// <summary>What claiming a round's publication gave this request.</summary>
public enum PublicationClaim
{
    /// <summary>New: this request publishes.</summary>
    Claimed,
    /// <summary>An earlier attempt claimed it and stopped before the commit long ago: this request publishes instead.</summary>
    TakenOver,
    /// <summary>Another request has claimed it (it is publishing, or has published): this request changes nothing.</summary>
    Held,
}
