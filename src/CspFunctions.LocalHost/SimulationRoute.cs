using Microsoft.AspNetCore.Routing.Template;

namespace CspFunctions.LocalHost;

/// <summary>One HTTP function's route inside a simulation run (/sim/{run}/api/...), matched without endpoint routing.</summary>
public sealed record SimulationRoute(FunctionDefinition Function, TemplateMatcher Matcher, decimal Precedence)
{
    /// <summary>The HTTP functions' routes, most specific first (literal segments before parameters, as endpoint routing orders them).</summary>
    public static IReadOnlyList<SimulationRoute> Table(IEnumerable<FunctionDefinition> functions) => functions
        .Where(f => f.Trigger == TriggerKind.Http)
        .Select(f =>
        {
            var template = TemplateParser.Parse(f.Route!.TrimStart('/'));
            return new SimulationRoute(f, new TemplateMatcher(template, new RouteValueDictionary()), RoutePrecedence.ComputeInbound(template));
        })
        .OrderBy(r => r.Precedence)
        .ToList();

    /// <summary>The function serving <paramref name="method"/> <paramref name="path"/>, its route values in <paramref name="values"/>;
    /// null with <c>PathFits</c> true when a route fits the path but not the method.</summary>
    public static (FunctionDefinition? Function, bool PathFits) Find(IReadOnlyList<SimulationRoute> table, string path, string method, RouteValueDictionary values)
    {
        var pathFits = false;
        foreach (var route in table)
        {
            var candidate = new RouteValueDictionary();
            if (!route.Matcher.TryMatch(path, candidate)) continue;
            pathFits = true;
            if (!route.Function.Methods.Contains(method, StringComparer.OrdinalIgnoreCase)) continue;
            foreach (var (name, value) in candidate) values[name] = value;
            return (route.Function, true);
        }
        return (null, pathFits);
    }
}
