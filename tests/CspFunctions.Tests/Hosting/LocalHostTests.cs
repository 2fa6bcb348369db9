using System.Net;
using System.Reflection;
using System.Net.Http.Json;
using System.Text.Json;
using CspFunctions.LocalHost;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Azure.Functions.Worker;

namespace CspFunctions.Tests.Hosting;

[Collection(StorageCollection.Name)]
public sealed class LocalHostTests(StorageFixture storage)
{
    /// <summary>That each route is served by its function, with the right credential, is AccessTableTests'.</summary>
    [Fact]
    public async Task The_admin_api_lists_every_function_to_a_key_holder_only()
    {
        var metadata = FunctionCatalog.Load();
        Assert.Contains(metadata, f => f.Name == "Health");
        await using var host = await TestHost.StartAsync(storage);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync("/admin/functions")).StatusCode);
        var listed = await host.KeyClient.GetFromJsonAsync<JsonElement>("/admin/functions");
        Assert.Equal(metadata.Select(f => f.Name).Order(), listed.EnumerateArray().Select(f => f.GetProperty("name").GetString()!).Order());
        Assert.All(metadata.Where(f => f.Trigger is TriggerKind.Timer), f => Assert.False(string.IsNullOrEmpty(f.Schedule)));
        Assert.All(metadata.Where(f => f.Trigger is TriggerKind.Queue), f => Assert.False(string.IsNullOrEmpty(f.QueueName)));
        Assert.DoesNotContain(metadata, f => f.Trigger == TriggerKind.Other);
    }

    [Fact]
    public void The_metadata_lists_every_function_in_the_code_with_the_trigger_its_attribute_declares()
    {
        // What the local host serves comes from functions.metadata; here it is held against the [Function] attributes.
        var declared = LocalFunctionHost.FunctionsAssembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(x => x.Function is not null)
            .ToDictionary(x => x.Function!.Name, x => x.Method);
        var metadata = FunctionCatalog.Load().ToDictionary(f => f.Name);
        Assert.Equal(declared.Keys.Order(), metadata.Keys.Order());

        foreach (var (name, method) in declared)
        {
            var listed = metadata[name];
            Assert.Equal($"{method.DeclaringType!.FullName}.{method.Name}", listed.EntryPoint);
            var trigger = method.GetParameters().Select(p => p.GetCustomAttributes().FirstOrDefault(a => a.GetType().Name.EndsWith("TriggerAttribute", StringComparison.Ordinal))).Single(a => a is not null)!;
            switch (trigger)
            {
                case HttpTriggerAttribute http:
                    Assert.Equal(TriggerKind.Http, listed.Trigger);
                    Assert.Equal(http.Route, listed.Route);
                    Assert.Equal(http.Methods!.Select(m => m.ToUpperInvariant()).Order(), listed.Methods.Order());
                    Assert.Equal(http.AuthLevel.ToString(), listed.AuthLevel, ignoreCase: true);
                    break;
                case TimerTriggerAttribute timer:
                    Assert.Equal((TriggerKind.Timer, timer.Schedule), (listed.Trigger, listed.Schedule));
                    break;
                case QueueTriggerAttribute queue:
                    Assert.Equal((TriggerKind.Queue, queue.QueueName), (listed.Trigger, listed.QueueName));
                    break;
                default:
                    Assert.Fail($"{name}: trigger {trigger.GetType().Name} is not one the local host runs");
                    break;
            }
        }
    }

    [Fact]
    public async Task Health_reports_storage_reachable()
    {
        await using var host = await TestHost.StartAsync(storage);
        using var response = await host.Client.GetAsync("/api/health");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal("reachable", body.GetProperty("storage").GetProperty("tables").GetString());
    }

    [Fact]
    public async Task Health_reports_unreachable_storage_with_503()
    {
        // Nothing listens on port 1: every storage call fails fast.
        var overrides = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;",
        };
        await using var host = await TestHost.StartAsync(storage, overrides);
        using var response = await host.Client.GetAsync("/api/health");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        Assert.StartsWith("unreachable", body.GetProperty("storage").GetProperty("tables").GetString());
    }

    [Fact]
    public async Task Admin_api_refuses_unknown_functions_and_http_functions()
    {
        await using var host = await TestHost.StartAsync(storage);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.PostAsync("/admin/functions/RetentionTimer", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.KeyClient.PostAsync("/admin/functions/NoSuchFunction", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.KeyClient.PostAsync("/admin/functions/Health", null)).StatusCode);
    }
}
