using System.Text.Json;
using System.Text.Json.Serialization;

namespace CspFunctions.Import;

public sealed class LeadDocument
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public List<ContactDocument>? Contacts { get; set; }
    public string? DeputyLeadId { get; set; }
}
