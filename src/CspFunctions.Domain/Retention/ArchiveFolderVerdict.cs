using System.Globalization;

namespace CspFunctions.Retention;

/// <summary>What to do with one level of the inbound-mail archive ("2025/", "2025/11/", "2025/11/25/").</summary>
public enum ArchiveFolderVerdict
{
    /// <summary>Every day in it is past retention: list it and delete the mail in it.</summary>
    Expired,
    /// <summary>Straddles the cutoff: look one level down.</summary>
    Straddles,
    /// <summary>Still within retention: not even listed.</summary>
    Kept,
    /// <summary>Not a yyyy/, yyyy/MM/ or yyyy/MM/dd/ folder: left alone.</summary>
    NotArchive,
}
