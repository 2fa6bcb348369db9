using CspFunctions.Import;
using CspFunctions.LocalHost;
using CspFunctions.Plans;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Tests.Plans;

[Collection(StorageCollection.Name)]
public sealed class ImportCommandTests(StorageFixture storage) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("csp-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(int Code, string Output, string Error)> Run(ServiceProvider services, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ImportCommand.RunAsync(args, services.GetRequiredService<PlanImporter>(), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Imports_a_csv_file_with_plan_details_from_options()
    {
        await using var services = storage.Services();
        var file = Path.Combine(_folder, "plan.csv");
        await File.WriteAllTextAsync(file, "priority,number,action,leads,contacts\nP,1,Do it,Housing,Housing = Hal <hal@example.org>\n");
        var (code, output, _) = await Run(services, "import", file, "--id", "cli-plan", "--name", "CLI plan", "--year", "2025", "--manager-email", "m@example.org");
        Assert.Equal(0, code);
        Assert.Contains("Imported cli-plan (revision 1): 1 actions, 1 leads", output);
        Assert.NotNull(await services.GetRequiredService<IPlanStore>().GetAsync("cli-plan"));
    }

    [Fact]
    public async Task Bad_input_is_reported_with_rows_and_a_non_zero_exit()
    {
        await using var services = storage.Services();
        var file = Path.Combine(_folder, "bad.csv");
        await File.WriteAllTextAsync(file, "priority,number,action\nP,1,One\nP,1,Again\n");
        var (code, _, error) = await Run(services, "import", file, "--id", "bad-plan", "--name", "Bad", "--year", "2025", "--manager-email", "m@example.org");
        Assert.Equal(1, code);
        Assert.Contains("row 3, actions.number: action number 1 is used twice (first at row 2)", error);
        Assert.Null(await services.GetRequiredService<IPlanStore>().GetAsync("bad-plan"));

        Assert.Equal(2, (await Run(services, "import")).Code);
        Assert.Contains("No such file", (await Run(services, "import", Path.Combine(_folder, "missing.json"))).Error);
        var unknown = Path.Combine(_folder, "plan.xml");
        await File.WriteAllTextAsync(unknown, "<plan/>");
        Assert.Contains("Cannot tell the format", (await Run(services, "import", unknown)).Error);
    }
}
