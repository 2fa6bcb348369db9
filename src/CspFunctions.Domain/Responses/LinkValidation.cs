using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CspFunctions.Responses;

public sealed record LinkValidation(LinkStatus Status, LinkClaims? Claims)
{
    public bool IsValid => Status == LinkStatus.Valid;
}
