using System.Text;

namespace CspFunctions.Templating;

/// <summary>The builders templates render into: sized from what the template wrote last time, so the output grows in one
/// piece rather than chunk by chunk (and a large report is not copied by the collector as it grows), and one builder of a
/// page's size kept per thread for the next render.</summary>
internal static class OutputBuffers
{
    /// <summary>Builders above this many characters (large reports) are left to the collector rather than kept.</summary>
    private const int MaxKeptChars = 256 * 1024;

    [ThreadStatic] private static StringBuilder? _kept;

    public static StringBuilder Rent(int expectedChars)
    {
        // A little room over last time, for a page that grew by a row.
        var capacity = Math.Max(4 * 1024, expectedChars + expectedChars / 8);
        var kept = _kept;
        if (kept is not null && kept.Capacity >= capacity)
        {
            _kept = null;
            return kept;
        }
        return new StringBuilder(capacity);
    }

    public static void Return(StringBuilder builder)
    {
        if (builder.Capacity > MaxKeptChars) return;
        builder.Clear();
        _kept = builder;
    }
}
