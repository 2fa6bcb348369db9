namespace CspFunctions.Plans;

/// <summary>
/// Azure Table Storage holds at most 64 KiB (32,768 UTF-16 characters) in a string property.
/// Text over <see cref="MaxTextLength"/> is rejected at the edge with a clear message rather than split:
/// no CSP action or quarterly update is anywhere near that long, and a split field would make every
/// reader more complicated for a case that only arises from a mistake (a pasted document).
/// </summary>
public static class StorageLimits
{
    public const int MaxTextLength = 32_000;
    public const int MaxShortTextLength = 1_000;
    public const int MaxActionNumber = 99_999;
}
