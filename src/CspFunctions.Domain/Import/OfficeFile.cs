using DocumentFormat.OpenXml.Packaging;

namespace CspFunctions.Import;

/// <summary>Opens an uploaded .xlsx or .docx, telling apart what is wrong with a file that will not open: empty, not an
/// Office file at all, password-protected (an encrypted Office file is an OLE compound file, not a zip), or damaged.</summary>
public static class OfficeFile
{
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Compound = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static T Open<T>(Stream content, string field, string kind, Func<Stream, T> open) where T : OpenXmlPackage
    {
        var stream = content.CanSeek ? content : Buffer(content);
        var head = new byte[8];
        var start = stream.Position;
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = start;
        if (read == 0) throw Problem(field, "the file is empty");
        if (head.AsSpan(0, read).SequenceEqual(Compound.AsSpan(0, Math.Min(read, Compound.Length))) && read == 8)
            throw Problem(field, $"the file is password-protected (encrypted) or in the old 97-2003 format: save it as {kind} without a password and upload that");
        if (read < 4 || !head.AsSpan(0, 4).SequenceEqual(Zip))
            throw Problem(field, $"the file is not {Article(kind)}");
        try { return open(stream); }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or ArgumentException or IOException or System.Xml.XmlException or InvalidOperationException)
        {
            throw Problem(field, $"the file is damaged and cannot be opened as {Article(kind)}: open it in its program, save it again and upload that copy");
        }
    }

    private static string Article(string kind) => kind == ".xlsx" ? "an Excel workbook (.xlsx)" : "a Word document (.docx)";

    private static PlanImportException Problem(string field, string message) => new([new ImportProblem(null, field, message)]);

    private static MemoryStream Buffer(Stream content)
    {
        var copy = new MemoryStream();
        content.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }
}
