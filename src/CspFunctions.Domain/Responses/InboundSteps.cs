namespace CspFunctions.Responses;

/// <summary>A claimed message's side effects, each done once: a step already recorded on the claim (by this delivery or
/// one that stopped before finishing) is not done again, and every step recorded extends the lease.</summary>
public sealed class InboundSteps(IInboundLog log, InboundClaim claim, Func<DateTimeOffset> leaseUntil)
{
    public InboundClaim Claim { get; private set; } = claim;

    public bool Done(string step, out string value) => Claim.Steps.TryGetValue(step, out value!);

    /// <summary>Runs <paramref name="action"/> unless <paramref name="step"/> was done, records its value, and returns it.</summary>
    public async Task<string> OnceAsync(string step, Func<Task<string>> action, CancellationToken ct)
    {
        if (Claim.Steps.TryGetValue(step, out var done)) return done;
        var value = await action();
        Claim = await log.RecordStepAsync(Claim, step, value, leaseUntil(), ct);
        return value;
    }

    public Task CompleteAsync(InboundMessage message, CancellationToken ct) => log.CompleteAsync(Claim, message, ct);

    public Task ReleaseAsync(CancellationToken ct) => log.ReleaseAsync(Claim, ct);
}
