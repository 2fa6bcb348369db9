using System.Text;
using System.Text.Json;

namespace CspFunctions.Access;

/// <summary>The person App Service Authentication signed in, read from its X-MS-CLIENT-PRINCIPAL header (base64 JSON:
/// auth_typ, name_typ, role_typ and claims of typ/val). Only the Entra object id and verified e-mail addresses identify
/// them; the display name is for the record only.</summary>
public sealed record SignedInUser(string IdentityProvider, string? ObjectId, string Name, IReadOnlyList<string> VerifiedEmails, IReadOnlyList<string> Roles)
{
    public const string AdminRole = "Admin";

    private static readonly string[] ObjectIdTypes = ["http://schemas.microsoft.com/identity/claims/objectidentifier", "oid"];
    private static readonly string[] RoleTypes = ["roles", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"];
    private static readonly string[] EmailTypes = ["email", "emails", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"];
    private static readonly string[] NameTypes = ["name", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", "preferred_username"];

    public bool IsAdmin => Roles.Contains(AdminRole, StringComparer.Ordinal);

    /// <summary>The principal, or null when the header is absent or not a principal. Entra's e-mail claim counts only when the
    /// token says the address is verified (email_verified, or xms_edov: the domain owner verified it); docs/security.md.</summary>
    public static SignedInUser? FromPrincipalHeader(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > 64 * 1024) return null;
        try
        {
            using var doc = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header.Trim())));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array) return null;
            var provider = Text(root, "auth_typ") ?? "";
            var roleType = Text(root, "role_typ");
            var pairs = claims.EnumerateArray()
                .Where(c => c.ValueKind == JsonValueKind.Object)
                .Select(c => (Type: Text(c, "typ") ?? "", Value: Text(c, "val") ?? ""))
                .Where(c => c.Type.Length > 0 && c.Value.Length > 0)
                .ToList();
            string? First(string[] types) => pairs.FirstOrDefault(c => types.Contains(c.Type, StringComparer.OrdinalIgnoreCase)).Value;
            bool IsTrue(string type) => pairs.Any(c => c.Type == type && c.Value.Equals("true", StringComparison.OrdinalIgnoreCase));
            var emailVerified = IsTrue("email_verified") || IsTrue("xms_edov");
            var emails = emailVerified
                ? pairs.Where(c => EmailTypes.Contains(c.Type, StringComparer.OrdinalIgnoreCase)).Select(c => c.Value.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList()
                : [];
            var roles = pairs.Where(c => RoleTypes.Contains(c.Type, StringComparer.OrdinalIgnoreCase) || (roleType is not null && c.Type == roleType)).Select(c => c.Value).Distinct().ToList();
            var name = First(NameTypes) ?? emails.FirstOrDefault() ?? "signed-in user";
            return new SignedInUser(provider, First(ObjectIdTypes), name, emails, roles);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or DecoderFallbackException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
