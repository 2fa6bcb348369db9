using System.Net;
using System.Text.Json;
using CspFunctions.LocalHost;
using CspFunctions.Tests.Infrastructure;
using MimeKit;

namespace CspFunctions.Tests.Trying;

[Collection(StorageCollection.Name)]
public sealed class QuarterSimulationTests(StorageFixture storage)
{
    private static readonly string[] WholeCadence = ["opening", "reminder", "due", "overdue-1", "overdue-2", "escalation"];

    private static Dictionary<string, string?> LocalKeys() => new()
    {
        ["Csp:LinkSigning:ActiveKeyId"] = "local",
        ["Csp:LinkSigning:Keys:local"] = LocalSettings.Defaults["Csp:LinkSigning:Keys:local"],
    };

    [Fact]
    public async Task Only_leads_who_have_not_answered_are_chased_and_the_run_s_links_open_forms_in_the_local_host()
    {
        var output = new StringWriter();
        var result = await QuarterSimulation.RunAsync(storage.RepoRoot, null, output);
        try
        {
            Assert.Equal(0, result.ExitCode);
            var cast = result.Cast!;
            Assert.Equal(["opening"], result.StagesByLead[cast.ByLink]);
            Assert.Equal(["opening"], result.StagesByLead[cast.ByReply]);
            Assert.Equal(["opening"], result.StagesByLead[cast.Away]);
            Assert.Equal(["opening", "reminder", "due"], result.StagesByLead[cast.Late]);
            var rest = result.StagesByLead.Where(l => l.Key != cast.ByLink && l.Key != cast.ByReply && l.Key != cast.Away && l.Key != cast.Late && l.Value.Count > 0).ToList();
            Assert.True(rest.Count > 5);
            Assert.All(rest, l => Assert.Equal(WholeCadence, l.Value));

            var timeline = output.ToString();
            Assert.Contains("answered by link", timeline);
            Assert.Contains("replied by email", timeline);
            Assert.Contains("out-of-office", timeline);
            Assert.Matches(@"escalation to \d+ lead\(s\); not chased: .*\(answered\).*\(away\)", timeline);

            var mails = Directory.GetFiles(Path.Combine(result.OutboxFolder, "mail"), "*.eml").Select(f => MimeMessage.Load(f)).ToList();
            // The deputy is told that the lead is away (a notice, not a reminder), and the manager gets an escalation copy.
            var deputy = storage.LoadSample().Leads!.Single(l => l.Id == cast.Deputy).Contacts!.Select(c => c.Email).ToList();
            Assert.Contains(mails, m => !m.Headers.Contains("X-Csp-stage") && (m.Subject ?? "").Contains(" is away: ") && m.To.Mailboxes.Any(a => deputy.Contains(a.Address)));
            Assert.Contains(mails, m => m.Headers["X-Csp-stage"] == "escalation" && m.Cc.Count > 0);

            await using var host = await TestHost.StartAsync(storage, LocalKeys());
            var escalation = mails.First(m => m.Headers["X-Csp-stage"] == "escalation");
            var link = new Uri(QuarterSimulation.ResponseLinkIn(escalation)!);
            Assert.StartsWith($"/sim/{result.Run}/api/respond/", link.AbsolutePath);
            using var form = await host.Client.GetAsync(link.PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            Assert.Contains("<form", await form.Content.ReadAsStringAsync());
        }
        finally
        {
            if (Directory.Exists(result.OutboxFolder)) Directory.Delete(result.OutboxFolder, recursive: true);
        }
    }

    [Theory]
    [InlineData("/sim/not-a-run/api/health", "is not a simulation run id")]
    [InlineData("/sim/sim00000000/api/health", "There is no simulation run 'sim00000000'")]
    public async Task A_run_that_is_not_on_this_machine_is_answered_404_saying_so(string path, string expected)
    {
        await using var host = await TestHost.StartAsync(storage);
        using var response = await host.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(expected, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("GET", "/plans/import", "GetPlan", "planId", "import")]
    [InlineData("POST", "/plans/import", "ImportPlan", null, null)]
    [InlineData("GET", "/manage/plans/p1/replies/2026-Q1/k1/raw", "ReplyRawMessage", "key", "k1")]
    [InlineData("POST", "/manage/plans/p1/replies/2026-Q1/k1/raw", "DecideReply", "decision", "raw")]
    [InlineData("GET", "/manage/plans/p1/actions/1.10", "ActionHistory", "number", "1.10")]
    public void A_run_s_routes_are_matched_as_endpoint_routing_would_literals_first(string method, string path, string function, string? name, string? value)
    {
        var values = new Microsoft.AspNetCore.Routing.RouteValueDictionary();
        var (found, fits) = SimulationRoute.Find(SimulationRoute.Table(FunctionCatalog.Load()), path, method, values);
        Assert.True(fits);
        Assert.Equal(function, found?.Name);
        if (name is not null) Assert.Equal(value, values[name]?.ToString());
    }

    [Theory]
    [InlineData("GET", "/sim/sim00000000/api/no-such-function", HttpStatusCode.NotFound)]
    [InlineData("GET", "/sim/sim00000000/api/health/extra", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/sim/sim00000000/api/health", HttpStatusCode.MethodNotAllowed)]
    public async Task A_path_under_a_run_that_no_function_serves_is_refused_before_the_run_is_looked_up(string method, string path, HttpStatusCode expected)
    {
        await using var host = await TestHost.StartAsync(storage);
        using var response = await host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain("simulation run", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_round_id_that_is_not_a_quarter_is_refused_with_an_example()
    {
        var output = new StringWriter();
        var result = await QuarterSimulation.RunAsync(storage.RepoRoot, "2026-Q5", output);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a quarter like 2018-19-Q3", output.ToString());
    }
}
