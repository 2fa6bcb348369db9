using System.Reflection;
using CspFunctions.Health;
using CspFunctions.Setup;
using Microsoft.Azure.Functions.Worker;

namespace CspFunctions.LocalHost;

public sealed record FunctionList(IReadOnlyList<FunctionDefinition> Functions);
