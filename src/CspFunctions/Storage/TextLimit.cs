using CspFunctions.Plans;

namespace CspFunctions.Storage;

/// <summary>The last line of defence for the Table Storage string limit; the edges reject long text first with a friendlier message.</summary>
public static class TextLimit
{
    public static string Check(string text, string what) => text.Length <= StorageLimits.MaxTextLength
        ? text
        : throw new TextTooLongException($"The text of {what} is {text.Length:N0} characters; the limit is {StorageLimits.MaxTextLength:N0}. Nothing was saved.");
}
