using CspFunctions.Import;
using CspFunctions.Progress;

namespace CspFunctions.Plans;

/// <summary>Thrown when someone else changed the same thing first; nothing was written.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
