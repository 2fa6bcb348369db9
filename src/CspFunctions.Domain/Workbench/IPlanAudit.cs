namespace CspFunctions.Workbench;

/// <summary>The plan history page's source: every change made in place, newest first.</summary>
public interface IPlanAudit
{
    Task RecordAsync(PlanChange change, CancellationToken ct = default);
    Task<IReadOnlyList<PlanChange>> ListAsync(string planId, CancellationToken ct = default);
}
