using System.Globalization;
using CspFunctions.Progress;

namespace CspFunctions.Responses;

/// <summary>An error tied to the field it is about (the error summary links to <see cref="FieldId"/>).</summary>
public sealed record FieldError(string FieldId, string Message);
