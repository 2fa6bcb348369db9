namespace CspFunctions.Plans;

/// <summary>The version tag and list position of one stored lead, action or plan row, for saving it alone.</summary>
public sealed record StoredRow(string ETag, int Order);
