using System.Text;

namespace CspFunctions.Reporting;

public sealed record RenderedReport(byte[] Content, string ContentType, string FileName);
