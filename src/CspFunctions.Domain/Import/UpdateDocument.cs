using System.Text.Json;
using System.Text.Json.Serialization;

namespace CspFunctions.Import;

public sealed class UpdateDocument
{
    public string? RoundId { get; set; }
    public int? ActionNumber { get; set; }
    /// <summary>The action by its reference, when the update came from a table; JSON may use either.</summary>
    public string? ActionReference { get; set; }
    public string? Status { get; set; }
    public string? Rag { get; set; }
    public string? Text { get; set; }
    public string? GivenBy { get; set; }
    public string? Channel { get; set; }
    [JsonIgnore] public int? SourceRow { get; set; }
}
