using Microsoft.Extensions.Configuration;

namespace CspFunctions.Setup;

public sealed class InvalidConfigurationException(IReadOnlyList<string> problems)
    : Exception("CspFunctions cannot start because of its configuration:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => " - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
