using System.Globalization;

namespace CspFunctions.Reporting;

/// <summary>Dates and times as the manager's pages write them.</summary>
public static class ManagerText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    public static string ShortDate(DateTimeOffset at) => at.ToString("d MMM yyyy", English);

    public static string DateTime(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy HH:mm", English) + " UTC";
}
