using CspFunctions.Retention;

namespace CspFunctions.Setup;

/// <summary>Section "Csp:Retention".</summary>
public sealed class RetentionOptions
{
    public const string Section = "Csp:Retention";

    public int InboundMailDays { get; set; } = InboundMailRetention.DefaultDays;
}
