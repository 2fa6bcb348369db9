using CspFunctions.Retention;

namespace CspFunctions.Tests.Retention;

public sealed class InboundMailRetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 2, 30, 0, TimeSpan.Zero);

    [Fact]
    public void The_cutoff_is_the_first_kept_day()
    {
        Assert.Equal(new DateOnly(2025, 11, 26), new InboundMailRetention(365).Cutoff(Now));
        Assert.Equal(new DateOnly(2026, 11, 25), new InboundMailRetention(1).Cutoff(Now));
        // UTC date, whatever the offset the clock reports in: 00:30 at +01:00 is still 25 Nov in UTC.
        Assert.Equal(new DateOnly(2026, 11, 24), new InboundMailRetention(1).Cutoff(new DateTimeOffset(2026, 11, 26, 0, 30, 0, TimeSpan.FromHours(1))));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InboundMailRetention(0));
    }

    [Theory]
    [InlineData("2025/11/25/abc.eml", true, "2025-11-25")]
    [InlineData("2024/02/29/<id@host>.eml", true, "2024-02-29")]
    [InlineData("2025/02/29/abc.eml", false, null)]   // no such day
    [InlineData("2025/11/25/abc.txt", false, null)]
    [InlineData("2025/11/25/.eml", false, null)]
    [InlineData("2025/11/abc.eml", false, null)]
    [InlineData("2025/11/25/x/abc.eml", false, null)]
    [InlineData("25/11/25/abc.eml", false, null)]
    [InlineData("abc.eml", false, null)]
    public void Only_names_that_follow_the_archive_convention_have_a_date(string name, bool ok, string? date)
    {
        Assert.Equal(ok, InboundMailRetention.TryReadBlobName(name, out var received));
        if (ok) Assert.Equal(DateOnly.Parse(date!), received);
    }

    [Fact]
    public void The_archive_name_is_the_UTC_received_date()
    {
        var name = InboundMailRetention.BlobName(new DateTimeOffset(2026, 3, 1, 0, 30, 0, TimeSpan.FromHours(1)), "m1");
        Assert.Equal("2026/02/28/m1.eml", name);
        Assert.True(InboundMailRetention.TryReadBlobName(name, out var day));
        Assert.Equal(new DateOnly(2026, 2, 28), day);
    }

    [Theory]
    [InlineData("2024/", ArchiveFolderVerdict.Expired)]
    [InlineData("2025/", ArchiveFolderVerdict.Straddles)]
    [InlineData("2026/", ArchiveFolderVerdict.Kept)]
    [InlineData("2025/10/", ArchiveFolderVerdict.Expired)]
    [InlineData("2025/11/", ArchiveFolderVerdict.Straddles)]
    [InlineData("2025/12/", ArchiveFolderVerdict.Kept)]
    [InlineData("2025/11/25/", ArchiveFolderVerdict.Expired)]
    [InlineData("2025/11/26/", ArchiveFolderVerdict.Kept)]
    [InlineData("2025/13/", ArchiveFolderVerdict.NotArchive)]
    [InlineData("2025/11/31/", ArchiveFolderVerdict.NotArchive)]
    [InlineData("misc/", ArchiveFolderVerdict.NotArchive)]
    [InlineData("2025", ArchiveFolderVerdict.NotArchive)]
    [InlineData("2025/1/", ArchiveFolderVerdict.NotArchive)]
    public void Folders_are_judged_against_the_cutoff(string folder, ArchiveFolderVerdict expected)
    {
        var retention = new InboundMailRetention(365);
        Assert.Equal(expected, retention.Judge(folder, retention.Cutoff(Now)));
    }

    [Fact]
    public void A_cutoff_on_the_first_of_a_month_or_year_needs_no_partial_folders()
    {
        var retention = new InboundMailRetention(365);
        var cutoff = new DateOnly(2026, 1, 1);
        Assert.Equal(ArchiveFolderVerdict.Expired, retention.Judge("2025/", cutoff));
        Assert.Equal(ArchiveFolderVerdict.Kept, retention.Judge("2026/", cutoff));
        Assert.Equal(ArchiveFolderVerdict.Kept, retention.Judge("2026/01/", cutoff));
    }
}
