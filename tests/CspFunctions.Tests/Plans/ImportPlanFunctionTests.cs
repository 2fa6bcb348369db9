using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CspFunctions.Plans;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Tests.Plans;

/// <summary>The import function over real HTTP, through the local host, on Azurite.</summary>
[Collection(StorageCollection.Name)]
public sealed class ImportPlanFunctionTests(StorageFixture storage)
{
    private string SampleJson => File.ReadAllText(Path.Combine(storage.RepoRoot, "samples", "luton-2018-19.plan.json"));

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Json_import_creates_then_updates_in_place()
    {
        await using var host = await TestHost.StartAsync(storage);
        using var first = await host.KeyClient.PostAsync("/api/plans/import", Json(SampleJson));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var outcome = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(28, outcome.GetProperty("actions").GetInt32());

        using var again = await host.KeyClient.PostAsync("/api/plans/import", Json(SampleJson));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 0, 28), (second.GetProperty("revision").GetInt32(), second.GetProperty("updatesAdded").GetInt32(), second.GetProperty("updatesUnchanged").GetInt32()));

        var manager = await host.ManagerAsync();
        var plan = await manager.GetFromJsonAsync<JsonElement>("/api/plans/luton-2018-19");
        Assert.Equal("Luton Community Safety Partnership: Year two business plan 2018-19", plan.GetProperty("plan").GetProperty("name").GetString());
        Assert.Equal("Complete", plan.GetProperty("rounds")[0].GetProperty("updates").EnumerateArray().Single(u => u.GetProperty("actionNumber").GetInt32() == 3).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Invalid_plan_answers_400_with_every_problem_and_changes_nothing()
    {
        await using var host = await TestHost.StartAsync(storage);
        var doc = JsonSerializer.Deserialize<JsonElement>(SampleJson);
        var broken = SampleJson.Replace("\"number\": 2,", "\"number\": 1,").Replace("bedfordshire-police@example.org", "bedfordshire-police.example.org");
        Assert.NotEqual(SampleJson, broken);

        using var response = await host.KeyClient.PostAsync("/api/plans/import", Json(broken));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var problems = body.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()!).ToList();
        Assert.Contains(problems, m => m.Contains("action number 1 is used twice"));
        Assert.Contains(problems, m => m.Contains("'bedfordshire-police.example.org' is not a valid email"));
        Assert.Contains("Nothing was changed", body.GetProperty("title").GetString());
        Assert.Null(await host.Services.GetRequiredService<IPlanStore>().GetAsync(doc.GetProperty("id").GetString()!));
    }

    [Theory]
    [InlineData("{ \"id\": ", "not valid plan JSON")]
    [InlineData("null", "empty")]
    [InlineData("[1,2,3]", "not valid plan JSON")]
    public async Task Malformed_json_answers_400(string body, string expected)
    {
        await using var host = await TestHost.StartAsync(storage);
        using var response = await host.KeyClient.PostAsync("/api/plans/import", Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Oversized_body_answers_413_without_reading_it_all()
    {
        await using var host = await TestHost.StartAsync(storage);
        var big = new ByteArrayContent(new byte[ImportPlanFunction.MaxBodyBytes + 1]);
        big.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await host.KeyClient.PostAsync("/api/plans/import", big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than the 10 MB limit", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_format_answers_415()
    {
        await using var host = await TestHost.StartAsync(storage);
        using var response = await host.KeyClient.PostAsync("/api/plans/import", new StringContent("<plan/>", Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("Send the plan as JSON", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Csv_import_takes_plan_details_from_the_query_string()
    {
        await using var host = await TestHost.StartAsync(storage);
        var csv = "priority,number,action,leads,contacts\nSafer streets,1,Light the underpass,Highways,Highways = Hana <hana@example.org>\nSafer streets,3,Patrol the park,Police,\n";
        using var response = await host.KeyClient.PostAsync("/api/plans/import?format=csv&id=csv-plan&name=CSV%20plan&year=2025&managerEmail=manager@example.org",
            new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var stored = (await host.Services.GetRequiredService<IPlanStore>().GetAsync("csv-plan"))!;
        Assert.Equal([1, 3], stored.Plan.Actions.Select(a => a.Number));
        Assert.Equal("hana@example.org", stored.Plan.FindLead("highways")!.Contacts.Single().Email);
    }

    [Fact]
    public async Task Csv_that_is_not_UTF8_answers_400_naming_the_encoding()
    {
        await using var host = await TestHost.StartAsync(storage);
        // "£" in Windows-1252 is the single byte 0xA3, invalid as UTF-8.
        var bytes = Encoding.ASCII.GetBytes("priority,number,action\nMoney,1,Spend ").Concat(new byte[] { 0xA3 }).Concat(Encoding.ASCII.GetBytes("5\n")).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await host.KeyClient.PostAsync("/api/plans/import?id=enc&name=Enc&year=2025&managerEmail=m@example.org", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not UTF-8", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Concurrent_imports_of_a_new_plan_one_wins_the_other_gets_409()
    {
        await using var host = await TestHost.StartAsync(storage);
        var json = SampleJson.Replace("\"luton-2018-19\"", "\"race-plan\"");
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.KeyClient.PostAsync("/api/plans/import", Json(json))));
        var codes = responses.Select(r => r.StatusCode).ToList();
        Assert.Contains(HttpStatusCode.Created, codes);
        Assert.All(codes, c => Assert.Contains(c, new[] { HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Single(codes, HttpStatusCode.Created);
        var stored = (await host.Services.GetRequiredService<IPlanStore>().GetAsync("race-plan"))!;
        Assert.Equal(28, stored.Plan.Actions.Count);
    }

    [Fact]
    public async Task Unknown_plan_answers_404_to_an_admin_and_403_to_anyone_else()
    {
        await using var host = await TestHost.StartAsync(storage);
        var admin = await host.SignInAsync("admin@example.org", admin: true);
        using var response = await admin.GetAsync("/api/plans/no-such-plan");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        // A manager cannot tell a plan that does not exist from one they may not see.
        var manager = await host.ManagerAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/plans/no-such-plan")).StatusCode);
    }
}
