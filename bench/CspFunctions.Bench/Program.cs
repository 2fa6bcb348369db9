using System.Reflection;
using BenchmarkDotNet.Running;
using CspFunctions.Bench;

// dotnet run -c Release --project bench/CspFunctions.Bench -- list            the measurements available
// dotnet run -c Release --project bench/CspFunctions.Bench -- NAME [args]     a measurement program (see list); it writes bench/results/NAME.md
//     --smoke          once at a small size (CI runs every program so, from BenchSmokeTests): checks must hold, timings are not judged
//     --results DIR    write the figures to DIR instead of bench/results
// dotnet run -c Release --project bench/CspFunctions.Bench -- --filter '*X*'  BenchmarkDotNet benchmarks
var programs = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchProgram).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchProgram)Activator.CreateInstance(t)!)
    .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

if (args.Length > 0 && args[0] == "list")
{
    foreach (var p in programs.Values.OrderBy(p => p.Name)) Console.WriteLine($"{p.Name,-24} {p.Description}");
    return 0;
}
if (args.Length > 0 && programs.TryGetValue(args[0], out var program)) return await program.RunAsync(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(IBenchProgram).Assembly).Run(args);
return 0;
