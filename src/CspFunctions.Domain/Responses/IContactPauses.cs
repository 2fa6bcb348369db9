namespace CspFunctions.Responses;

/// <summary>Chasing pauses per contact. The chase planner skips a contact whose pause has not ended.</summary>
public interface IContactPauses
{
    /// <summary>Records or replaces the pause for this contact in this plan.</summary>
    Task PauseAsync(string planId, string email, DateTimeOffset until, string reason, CancellationToken ct = default);
    Task<IReadOnlyList<ContactPause>> GetPausesAsync(string planId, CancellationToken ct = default);
}
