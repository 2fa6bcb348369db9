using System.Text.Json;
using System.Text.Json.Serialization;

namespace CspFunctions.Import;

public sealed class ContactDocument
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? TeamsUserId { get; set; }
}
