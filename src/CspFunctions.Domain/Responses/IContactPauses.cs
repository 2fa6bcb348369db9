namespace CspFunctions.Responses;

/// <summary>A contact not to chase until <see cref="Until"/> (an out-of-office reply said they are away).</summary>
public sealed record ContactPause(string PlanId, string Email, DateTimeOffset Until, string Reason, DateTimeOffset RecordedAt);

/// <summary>Chasing pauses per contact. The chase planner skips a contact whose pause has not ended.</summary>
public interface IContactPauses
{
    /// <summary>Records or replaces the pause for this contact in this plan.</summary>
    Task PauseAsync(string planId, string email, DateTimeOffset until, string reason, CancellationToken ct = default);
    Task<IReadOnlyList<ContactPause>> GetPausesAsync(string planId, CancellationToken ct = default);
}
