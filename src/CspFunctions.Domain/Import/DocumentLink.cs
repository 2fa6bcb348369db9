using System.Text.Json;
using System.Text.Json.Serialization;

namespace CspFunctions.Import;

public sealed class DocumentLink
{
    public string? Title { get; set; }
    public string? Url { get; set; }
}
