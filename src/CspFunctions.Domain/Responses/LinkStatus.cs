using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CspFunctions.Responses;

public enum LinkStatus { Valid, Malformed, UnknownKey, Tampered, WrongPurpose, Expired }
