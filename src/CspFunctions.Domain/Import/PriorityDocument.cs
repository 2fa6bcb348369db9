using System.Text.Json;
using System.Text.Json.Serialization;

namespace CspFunctions.Import;

public sealed class PriorityDocument
{
    public string? Id { get; set; }
    public string? Title { get; set; }
}
