namespace CspFunctions.LocalHost;

/// <summary>What a simulation run did: its run id and outbox folder, and the stages each lead was sent, by lead id.</summary>
public sealed record SimulationResult(int ExitCode, string Run, string OutboxFolder, string PlanId, string RoundId,
    IReadOnlyDictionary<string, IReadOnlyList<string>> StagesByLead, SimulationCast? Cast)
{
    public static SimulationResult Failed(int exitCode) => new(exitCode, "", "", "", "", new Dictionary<string, IReadOnlyList<string>>(), null);
}
