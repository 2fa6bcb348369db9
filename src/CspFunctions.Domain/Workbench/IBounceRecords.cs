namespace CspFunctions.Workbench;

/// <summary>Clears a contact's delivery problem once the manager has fixed it (the next bounce records it again).</summary>
public interface IBounceRecords
{
    Task ClearAsync(string planId, string email, CancellationToken ct = default);
}
