namespace CspFunctions.LocalHost;

/// <summary>Which leads (by id) play which part in a simulation run.</summary>
public sealed record SimulationCast(string ByLink, string ByReply, string Away, string Deputy, string Late);
