namespace CspFunctions.Import;

/// <summary>The person may not write the plan a file names: nothing was read into storage.</summary>
public sealed class UploadRefusedException(string message) : Exception(message);
