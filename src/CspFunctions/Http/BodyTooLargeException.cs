using Microsoft.AspNetCore.Http;

namespace CspFunctions.Http;

public sealed class BodyTooLargeException(long limit) : Exception($"The request body is larger than the {limit / 1024 / 1024} MB limit.");
