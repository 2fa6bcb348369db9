namespace CspFunctions.Reporting;

/// <summary>Work that failed for good and waits for the manager, e.g. a reminder in the poison queue.</summary>
public sealed record FailedWork(string Source, string Id, string Summary, DateTimeOffset? InsertedAt, long DequeueCount);
