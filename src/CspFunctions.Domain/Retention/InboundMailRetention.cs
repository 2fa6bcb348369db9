using System.Globalization;

namespace CspFunctions.Retention;

/// <summary>
/// Raw inbound mail is archived as <c>yyyy/MM/dd/{id}.eml</c> by the UTC date it was received, and deleted once it is
/// older than the retention period: mail received on a day before <see cref="Cutoff"/> goes, mail received on the
/// cutoff day or later stays. With 365 days, on 26 Nov 2026 mail from 25 Nov 2025 is deleted and mail from
/// 26 Nov 2025 is kept until tomorrow.
/// </summary>
public sealed record InboundMailRetention(int Days)
{
    public const int DefaultDays = 365;

    public int Days { get; } = Days >= 1 ? Days : throw new ArgumentOutOfRangeException(nameof(Days), Days, "Retention must be at least one day.");

    /// <summary>The first received day that is kept.</summary>
    public DateOnly Cutoff(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(-Days);

    /// <summary>The archive name of a message received at <paramref name="receivedAt"/>.</summary>
    public static string BlobName(DateTimeOffset receivedAt, string id) =>
        receivedAt.UtcDateTime.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture) + "/" + id + ".eml";

    /// <summary>True for a name that follows the archive convention, with the day it names.</summary>
    public static bool TryReadBlobName(string name, out DateOnly receivedOn)
    {
        receivedOn = default;
        var parts = name.Split('/');
        return parts.Length == 4
            && parts[3].Length > ".eml".Length && parts[3].EndsWith(".eml", StringComparison.Ordinal)
            && TryReadDate(parts[0], parts[1], parts[2], out receivedOn);
    }

    public ArchiveFolderVerdict Judge(string folder, DateOnly cutoff)
    {
        if (!folder.EndsWith('/')) return ArchiveFolderVerdict.NotArchive;
        var parts = folder[..^1].Split('/');
        var first = cutoff;
        DateOnly last;
        switch (parts.Length)
        {
            case 1 when TryReadDate(parts[0], "01", "01", out first):
                last = first.AddYears(1).AddDays(-1);
                break;
            case 2 when TryReadDate(parts[0], parts[1], "01", out first):
                last = first.AddMonths(1).AddDays(-1);
                break;
            case 3 when TryReadDate(parts[0], parts[1], parts[2], out first):
                last = first;
                break;
            default:
                return ArchiveFolderVerdict.NotArchive;
        }
        return last < cutoff ? ArchiveFolderVerdict.Expired
            : first >= cutoff ? ArchiveFolderVerdict.Kept
            : ArchiveFolderVerdict.Straddles;
    }

    private static bool TryReadDate(string year, string month, string day, out DateOnly date)
    {
        date = default;
        return year.Length == 4 && month.Length == 2 && day.Length == 2
            && DateOnly.TryParseExact($"{year}-{month}-{day}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
