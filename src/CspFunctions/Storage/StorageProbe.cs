using CspFunctions.Setup;

namespace CspFunctions.Storage;

public sealed record StorageProbe(string Service, bool Reachable, string? Error);
