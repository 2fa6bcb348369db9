using System.CommandLine;
using CspFunctions.LocalHost;

namespace CspFunctions.Tests.Hosting;

/// <summary>The local host's command line, parsed by System.CommandLine: options keep their values, each command has --help.</summary>
public sealed class LocalCommandLineTests
{
    private sealed class Calls
    {
        public LocalCommandLine.ServeOptions? Served;
        public IReadOnlyList<string>? Imported;
        public string? Simulated;
    }

    private static (RootCommand Root, Calls Calls) Build()
    {
        var calls = new Calls();
        var root = LocalCommandLine.Build(
            (o, _) => { calls.Served = o; return Task.FromResult(0); },
            (a, _) => { calls.Imported = a; return Task.FromResult(0); },
            (r, _) => { calls.Simulated = r; return Task.FromResult(0); });
        return (root, calls);
    }

    private static async Task<(int Code, string Output, string Error)> Run(RootCommand root, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task An_option_value_is_never_taken_for_a_command()
    {
        var (root, calls) = Build();
        Assert.Equal(0, (await Run(root, "--no-timers", "--urls", "http://127.0.0.1:7072")).Code);
        Assert.Equal(new LocalCommandLine.ServeOptions("http://127.0.0.1:7072", RunTimers: false, FunctionKey: null, EmulateSignIn: true), calls.Served);

        (root, calls) = Build();
        Assert.Equal(0, (await Run(root, "serve", "--urls", "http://127.0.0.1:7073", "--function-key", "k", "--no-sign-in")).Code);
        Assert.Equal(new LocalCommandLine.ServeOptions("http://127.0.0.1:7073", RunTimers: true, FunctionKey: "k", EmulateSignIn: false), calls.Served);

        (root, calls) = Build();
        Assert.Equal(0, (await Run(root, "--no-timers", "--no-queues", "--no-demo", "--urls", "http://127.0.0.1:7074")).Code);
        Assert.Equal(new LocalCommandLine.ServeOptions("http://127.0.0.1:7074", RunTimers: false, FunctionKey: null, EmulateSignIn: true, RunQueues: false, LoadDemo: false), calls.Served);

        (root, calls) = Build();
        Assert.Equal(0, (await Run(root)).Code);
        Assert.Equal("http://localhost:7071", calls.Served!.Urls);
        Assert.True(calls.Served.RunQueues && calls.Served.LoadDemo, "by default the local host polls the queues and opens the demo round");
    }

    [Fact]
    public async Task Import_and_simulate_quarter_get_their_arguments()
    {
        var (root, calls) = Build();
        await Run(root, "import", "plan.csv", "--id", "my-plan", "--year", "2025", "--manager-email", "m@example.org");
        Assert.Equal(["import", "plan.csv", "--id", "my-plan", "--year", "2025", "--manager-email", "m@example.org"], calls.Imported);
        Assert.Null(calls.Served);

        (root, calls) = Build();
        calls.Simulated = "unset";
        await Run(root, "simulate-quarter");
        Assert.Null(calls.Simulated);
        await Run(root, "simulate-quarter", "2019-20-Q1");
        Assert.Equal("2019-20-Q1", calls.Simulated);
    }

    [Theory]
    [InlineData(new string[0], "--no-timers")]
    [InlineData(new[] { "serve" }, "--urls")]
    [InlineData(new[] { "import" }, "--manager-email")]
    [InlineData(new[] { "simulate-quarter" }, "ROUND")]
    public async Task Every_command_has_help(string[] command, string mentions)
    {
        var (root, calls) = Build();
        var (code, output, _) = await Run(root, [.. command, "--help"]);
        Assert.Equal(0, code);
        Assert.Contains(mentions, output);
        Assert.Null(calls.Served);
    }

    [Fact]
    public async Task An_unknown_command_or_option_is_an_error_that_runs_nothing()
    {
        var (root, calls) = Build();
        var (code, _, error) = await Run(root, "http://127.0.0.1:7072");
        Assert.NotEqual(0, code);
        Assert.Contains("http://127.0.0.1:7072", error);
        Assert.NotEqual(0, (await Run(root, "--no-such-option")).Code);
        Assert.Null(calls.Served);
    }
}
