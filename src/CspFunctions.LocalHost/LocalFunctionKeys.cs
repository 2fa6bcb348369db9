using System.Security.Cryptography;
using System.Text;

namespace CspFunctions.LocalHost;

/// <summary>The Functions host's key check for authLevel Function routes, as it runs before the worker: the key in the
/// x-functions-key header or the code query parameter. Locally there is one key, printed at start.</summary>
public sealed class LocalFunctionKeys(string key)
{
    public const string Header = "x-functions-key";
    public const string Query = "code";

    public string Key { get; } = key;

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    public static bool NeedsKey(FunctionDefinition function) =>
        !string.Equals(function.AuthLevel, "anonymous", StringComparison.OrdinalIgnoreCase);

    public bool Accepts(HttpRequest request)
    {
        var given = request.Headers[Header].ToString();
        if (given.Length == 0) given = request.Query[Query].ToString();
        return given.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(Key));
    }
}
