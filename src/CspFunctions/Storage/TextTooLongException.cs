using CspFunctions.Plans;

namespace CspFunctions.Storage;

public sealed class TextTooLongException(string message) : Exception(message);
