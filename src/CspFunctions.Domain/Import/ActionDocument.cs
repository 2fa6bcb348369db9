using System.Text.Json;
using System.Text.Json.Serialization;

namespace CspFunctions.Import;

public sealed class ActionDocument
{
    public int? Number { get; set; }
    /// <summary>The action's reference as the plan writes it ("12", "1.2", "3a"); without it, the number is the reference.</summary>
    public string? Reference { get; set; }
    public string? PriorityId { get; set; }
    public string? Text { get; set; }
    public List<string>? LeadIds { get; set; }
    public List<DocumentLink>? Documents { get; set; }
    public bool? Restricted { get; set; }
    public string? CarriedFrom { get; set; }
    /// <summary>Where the action came from in the source (CSV row); not serialised.</summary>
    [JsonIgnore] public int? SourceRow { get; set; }
}
