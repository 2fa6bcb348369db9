using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CspFunctions.Access;
using CspFunctions.Import;
using CspFunctions.LocalHost;
using CspFunctions.LocalHost.SignIn;
using CspFunctions.Messaging;
using CspFunctions.Responses;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CspFunctions.Tests.Hosting;

/// <summary>
/// Every HTTP function in functions.metadata against the access table in docs/security.md, over real HTTP through the local
/// host, which refuses what Azure refuses: the host's function keys, the platform's sign-in and principal header, and the
/// worker's access rules. A new route fails here until it declares its access, is in the table and answers as declared.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed partial class AccessTableTests(StorageFixture storage) : IDisposable
{
    private const string Plan = "luton-2018-19";
    private const string Round = "2018-19-Q4";
    private const string BoardMember = "board.member@example.org";
    private const string OtherManager = "other.manager@example.org";
    private readonly ECDsa _eventKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _eventKey.Dispose();

    private static readonly IReadOnlyList<FunctionDefinition> HttpFunctions = FunctionCatalog.Load().Where(f => f.Trigger == TriggerKind.Http).ToList();

    private static AccessAttribute? Declared(FunctionDefinition f) => AccessGate.DeclaredOn(f.ResolveMethod(LocalFunctionHost.FunctionsAssembly));

    private static string SampleRoute(FunctionDefinition f) => "/api/" + RouteParameter().Replace(f.Route!, m => m.Groups[1].Value switch
    {
        "planId" => Plan,
        "roundId" => Round,
        "file" => "report.html",
        _ => "sample-value",
    });

    /// <summary>The table in docs/security.md: function name to its access level.</summary>
    private static Dictionary<string, string> DocumentedAccess()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.FindRoot(), "docs", "security.md"));
        return TableRow().Matches(doc).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["access"].Value);
    }

    [Fact]
    public void Every_HTTP_function_declares_its_access_matches_its_authLevel_and_is_in_the_table()
    {
        Assert.True(HttpFunctions.Count >= 19, "functions.metadata lists too few HTTP functions: " + HttpFunctions.Count);
        var table = DocumentedAccess();
        foreach (var f in HttpFunctions)
        {
            var declared = Declared(f);
            Assert.True(declared is not null, $"{f.Name} has no [Access(...)]: it would be refused; declare who may call it");
            Assert.True(table.TryGetValue(f.Name, out var documented), $"docs/security.md has no row for {f.Name}");
            Assert.Equal(declared!.Access.ToString(), documented);
            // People never handle keys: only machine callers' routes are authLevel Function, each with its own named key.
            var expectedLevel = declared.Access == RouteAccess.FunctionKey ? "function" : "anonymous";
            Assert.True(string.Equals(expectedLevel, f.AuthLevel, StringComparison.OrdinalIgnoreCase), $"{f.Name} is authLevel {f.AuthLevel}, but its access {declared.Access} needs {expectedLevel}");
            Assert.Equal(declared.Access == RouteAccess.FunctionKey, !string.IsNullOrEmpty(declared.KeyName));
        }
        Assert.Empty(table.Keys.Except(HttpFunctions.Select(f => f.Name)));
        var keyNames = HttpFunctions.Select(Declared).Where(d => d!.Access == RouteAccess.FunctionKey).Select(d => d!.KeyName).ToList();
        Assert.Equal(keyNames.Count, keyNames.Distinct().Count());
    }

    private async Task<TestHost> StartAsync(bool emulateSignIn = true)
    {
        var host = await TestHost.StartAsync(storage, new Dictionary<string, string?>
        {
            ["Csp:SendGrid:EventWebhookPublicKey"] = Convert.ToBase64String(_eventKey.ExportSubjectPublicKeyInfo()),
        }, emulateSignIn: emulateSignIn);
        var importer = host.Services.GetRequiredService<PlanImporter>();
        var sample = storage.LoadSample();
        sample.BoardMembers = [new ContactDocument { Name = "Bea Board", Email = BoardMember }];
        await importer.ImportAsync(sample);
        // A second CSP on the same deployment, with its own manager.
        var other = storage.LoadSample();
        other.Id = "other-csp-2018-19";
        other.Name = "Other CSP business plan";
        other.Managers = [new ContactDocument { Name = "Olu Other", Email = OtherManager }];
        await importer.ImportAsync(other);
        return host;
    }

    private static HttpRequestMessage Request(FunctionDefinition f, string? method = null)
    {
        method ??= f.Methods[0];
        return new HttpRequestMessage(new HttpMethod(method), SampleRoute(f)) { Content = method is "GET" or "HEAD" ? null : new FormUrlEncodedContent([]) };
    }

    private static string Forged(bool admin) => Convert.ToBase64String(Encoding.UTF8.GetBytes(LocalAppServiceAuth.Principal("Mallory", "mallory@example.org", null, admin)));

    private static bool ReachedFunction(HttpResponseMessage response, FunctionDefinition f) =>
        response.Headers.TryGetValues(FunctionInvoker.FunctionHeader, out var served) && served.Single() == f.Name;

    [Fact]
    public async Task Each_route_refuses_the_wrong_credentials_as_Azure_would()
    {
        await using var host = await StartAsync();
        var manager = await host.ManagerAsync();
        var board = await host.SignInAsync(BoardMember, "Bea Board");
        var otherManager = await host.SignInAsync(OtherManager, "Olu Other");
        var stranger = await host.SignInAsync("stranger@example.org", "Sam Stranger");
        var browser = new HttpClient { BaseAddress = host.BaseAddress };
        using var browserClient = browser;
        var wrongKey = new HttpClient { BaseAddress = host.BaseAddress };
        using var wrongKeyClient = wrongKey;
        wrongKey.DefaultRequestHeaders.Add(LocalFunctionKeys.Header, host.FunctionKey + "x");
        var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        using var noRedirectClient = noRedirect;

        foreach (var f in HttpFunctions)
        {
            var access = Declared(f)!.Access;
            async Task<HttpResponseMessage> Send(HttpClient client, Action<HttpRequestMessage>? change = null)
            {
                var request = Request(f);
                change?.Invoke(request);
                return await client.SendAsync(request);
            }
            var because = $"{f.Name} ({access}) ";
            switch (access)
            {
                case RouteAccess.FunctionKey:
                    Assert.True((await Send(host.Client)).StatusCode == HttpStatusCode.Unauthorized, because + "answered without a key");
                    Assert.True((await Send(wrongKey)).StatusCode == HttpStatusCode.Unauthorized, because + "took a wrong key");
                    Assert.True((await Send(manager)).StatusCode == HttpStatusCode.Unauthorized, because + "took a sign-in instead of a key");
                    Assert.True((await Send(host.Client, r => r.Headers.Add(AccessGate.PrincipalHeader, Forged(admin: true)))).StatusCode == HttpStatusCode.Unauthorized, because + "took a forged principal");
                    Assert.True(ReachedFunction(await Send(host.Client, r => r.RequestUri = new Uri(r.RequestUri + "?code=" + Uri.EscapeDataString(host.FunctionKey), UriKind.Relative)), f), because + "refused the key as ?code=");
                    break;
                case RouteAccess.Anyone or RouteAccess.SignedLink:
                    Assert.True(ReachedFunction(await Send(host.Client), f), because + "did not reach the function anonymously");
                    break;
                default:
                    var anonymous = await Send(host.Client);
                    Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, because + $"answered {(int)anonymous.StatusCode} to nobody");
                    Assert.False(ReachedFunction(anonymous, f));
                    Assert.True((await Send(host.KeyClient)).StatusCode == HttpStatusCode.Unauthorized, because + "took a function key instead of a sign-in");
                    var forged = await Send(host.Client, r => r.Headers.Add(AccessGate.PrincipalHeader, Forged(admin: true)));
                    Assert.True(forged.StatusCode == HttpStatusCode.Unauthorized, because + $"trusted a client-sent principal ({(int)forged.StatusCode})");
                    Assert.True((await Send(stranger)).StatusCode == HttpStatusCode.Forbidden, because + "let in someone no plan lists");
                    if (access != RouteAccess.AnyPlanManager)
                    {
                        Assert.True((await Send(otherManager)).StatusCode == HttpStatusCode.Forbidden, because + "let another CSP's manager in");
                        if (access == RouteAccess.PlanManager)
                            Assert.True((await Send(board)).StatusCode == HttpStatusCode.Forbidden, because + "let a board member in");
                    }
                    if (f.Methods.Contains("GET"))
                    {
                        using var page = await noRedirect.SendAsync(new HttpRequestMessage(HttpMethod.Get, SampleRoute(f)) { Headers = { Accept = { new MediaTypeWithQualityHeaderValue("text/html") } } });
                        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
                        Assert.Equal(AccessGate.SignInPath + "?post_login_redirect_uri=" + Uri.EscapeDataString(SampleRoute(f)), page.Headers.Location!.OriginalString);
                    }
                    break;
            }
        }
    }

    /// <summary>Without App Service Authentication every people's route fails closed with 503, whatever principal the client sends.</summary>
    [Fact]
    public async Task Without_platform_sign_in_people_routes_answer_503_even_to_a_forged_principal()
    {
        await using var host = await StartAsync(emulateSignIn: false);
        foreach (var f in HttpFunctions.Where(f => AccessRules.IsForPeople(Declared(f)!.Access)))
        {
            var request = Request(f);
            request.Headers.Add(AccessGate.PrincipalHeader, Forged(admin: true));
            using var response = await host.Client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{f.Name} answered {(int)response.StatusCode}");
            Assert.Contains("Sign-in is not configured", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/api/health")).StatusCode);
    }

    [Fact]
    public async Task Each_route_answers_the_right_credential()
    {
        await using var host = await StartAsync();
        var manager = await host.ManagerAsync(followRedirects: false);
        var board = await host.SignInAsync(BoardMember, "Bea Board");
        var admin = await host.SignInAsync("admin@example.org", "Ada Admin", admin: true);
        var lead = storage.LoadSample().Leads![0];
        // The sample's Q4 is closed; a lead answers an open round.
        var open = CspFunctions.Plans.ReportingRound.For(Plan, new CspFunctions.Plans.FinancialYear(2018).Quarter(3), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10));
        await host.Services.GetRequiredService<CspFunctions.Plans.IPlanStore>().SaveRoundAsync(open, null);
        var token = host.Services.GetRequiredService<LinkSigner>().Create(new LinkClaims(LinkClaims.RespondPurpose, Plan, open.Id, lead.Id!, lead.Contacts![0].Email!, DateTimeOffset.UtcNow.AddDays(7).ToUnixTimeSeconds()));

        // The workbench's routes act on a waiting reply (with its archived message) and on the lead's own actions.
        var services = host.Services;
        var leadActions = storage.LoadSample().Actions!.Where(a => a.LeadIds!.Contains(lead.Id!)).Select(a => a.Number!.Value).ToList();
        var blob = await services.GetRequiredService<IMailArchive>().ArchiveAsync(new MemoryStream("Subject: update\r\n\r\nAll fine."u8.ToArray()), new string('a', 64), DateTimeOffset.UtcNow);
        var waiting = new InboundMessage(Guid.NewGuid().ToString("N"), "<w@example.org>", DateTimeOffset.UtcNow, blob, lead.Contacts![0].Email, "Re: update", Plan, open.Id, lead.Id, InboundState.Unassigned, "Not placed")
        {
            UnassignedText = "All fine.",
        };
        var inbound = services.GetRequiredService<IInboundLog>();
        await inbound.CompleteAsync(await inbound.ClaimAsync(waiting, DateTimeOffset.UtcNow.AddMinutes(5)), waiting);
        var replyKey = (await services.GetRequiredService<CspFunctions.Workbench.IWaitingReplies>().ListAsync(Plan, [open.Id])).Single().Key;
        var replyPath = $"/api/manage/plans/{Plan}/replies/{open.Id}/{Uri.EscapeDataString(replyKey)}";
        CspFunctions.Plans.StoredPlan Stored() => services.GetRequiredService<CspFunctions.Plans.IPlanStore>().GetAsync(Plan).GetAwaiter().GetResult()!;
        HttpRequestMessage RecordUpdate()
        {
            var latest = CspFunctions.Plans.ProgressHistory.Latest(services.GetRequiredService<CspFunctions.Plans.IProgressStore>().GetRoundAsync(Plan, open.Id).GetAwaiter().GetResult());
            var n = leadActions[0];
            return Post($"/api/manage/plans/{Plan}/rounds/{open.Id}/leads/{lead.Id}/record", new FormUrlEncodedContent([
                new("given-by", lead.Contacts![0].Name!), new("given-on", DateTime.UtcNow.ToString("yyyy-MM-dd")), new("given-how", "phone"),
                new($"include-{n}", "yes"), new($"status-{n}", "OnTrack"), new($"rag-{n}", "Green"), new($"text-{n}", "Given by phone."),
                new($"base-{n}", (latest.TryGetValue(n, out var u) ? u.Version : 0).ToString())]));
        }
        HttpRequestMessage EditPeople()
        {
            var people = CspFunctions.Workbench.PlanEditor.PeopleOf(Stored().Plan);
            IEnumerable<KeyValuePair<string, string>> Rows(string field, IReadOnlyList<CspFunctions.Plans.Contact> list) =>
                list.SelectMany((c, i) => new KeyValuePair<string, string>[] { new($"{field}-{i}-name", c.Name), new($"{field}-{i}-email", c.Email), new($"{field}-{i}-teams", c.TeamsUserId ?? "") })
                    .Append(new($"{field}-count", list.Count.ToString()));
            return Post($"/api/manage/plans/{Plan}/people", new FormUrlEncodedContent([
                new("version", CspFunctions.Workbench.PlanEditor.VersionOf(people)), .. Rows("manager", people.Managers), .. Rows("board", people.BoardMembers)]));
        }
        HttpRequestMessage EditLead()
        {
            var current = Stored().Plan.FindLead(lead.Id!)!;
            return Post($"/api/manage/plans/{Plan}/leads/{lead.Id}/edit", new FormUrlEncodedContent([
                new("version", CspFunctions.Workbench.PlanEditor.VersionOf(current)), new("name", current.Name), new("deputy", current.DeputyLeadId ?? ""), new("contact-count", "1"),
                new("contact-0-name", current.Contacts[0].Name), new("contact-0-email", current.Contacts[0].Email)]));
        }

        // The action routes add "99.1", edit it and retire it, leaving the sample's own actions as they were.
        CspFunctions.Plans.PlanAction AddedAction() => Stored().Plan.Actions.Single(a => a.Ref == "99.1");
        FormUrlEncodedContent ActionForm(string version, string reference, string? text) => new([
            new("version", version), new("reference", reference), new("text", text ?? "Added in place."), new("priority", Stored().Plan.Priorities[0].Id),
            new("leads", lead.Id!), new("documents", "Strategy | https://example.org/strategy")]);

        // In an order that works: publish before the snapshot and "send again".
        var calls = new List<(string Function, HttpClient Client, Func<HttpRequestMessage> Request)>
        {
            ("Health", host.Client, () => Get("/api/health")),
            ("Stylesheet", host.Client, () => Get("/api/assets/" + CspFunctions.Templating.Stylesheet.FileName)),
            ("RespondForm", host.Client, () => Get("/api/respond/" + token)),
            ("SaveResponse", host.Client, () => Post("/api/respond/" + token, new FormUrlEncodedContent([new("status-1", "OnTrack"), new("rag-1", "Green"), new("text-1", "Still on track.")]))),
            ("RenewResponseLink", host.Client, () => Post("/api/respond/" + token + "/renew", new FormUrlEncodedContent([]))),
            ("InboundSendGrid", host.KeyClient, () => Post("/api/inbound/sendgrid", InboundForm())),
            ("SendGridEvents", host.KeyClient, SignedEvents),
            ("ImportPlan", host.KeyClient, () => Post("/api/plans/import", new StringContent(SampleWithBoard(), Encoding.UTF8, "application/json"))),
            ("GetPlan", manager, () => Get($"/api/plans/{Plan}")),
            ("ChasingStatus", manager, () => Get($"/api/plans/{Plan}/rounds/{Round}/chasing")),
            ("Report", manager, () => Get($"/api/plans/{Plan}/rounds/{Round}/report?audience=manager")),
            ("ManagePlans", manager, () => Get("/api/manage")),
            ("ManagePlan", manager, () => Get($"/api/manage/plans/{Plan}")),
            ("ManageRound", manager, () => Get($"/api/manage/plans/{Plan}/rounds/{Round}")),
            ("ManageReplies", manager, () => Get($"/api/manage/plans/{Plan}/replies")),
            ("ManageReply", manager, () => Get(replyPath)),
            ("ReplyRawMessage", manager, () => Get(replyPath + "/raw")),
            ("DecideReply", manager, () => Post(replyPath + "/discard", new FormUrlEncodedContent([new("reason", "A test")]))),
            ("RecordUpdateForm", manager, () => Get($"/api/manage/plans/{Plan}/rounds/{open.Id}/leads/{lead.Id}/record")),
            ("RecordUpdate", manager, RecordUpdate),
            ("SteerRound", manager, () => Post($"/api/manage/plans/{Plan}/rounds/{open.Id}/steer/extend", new FormUrlEncodedContent([
                new("etag", Stored().RoundETags[open.Id]), new("due-date", DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd")), new("lead", "")]))),
            ("OpenRound", manager, () => Post($"/api/manage/plans/{Plan}/open-round", new FormUrlEncodedContent([new("round", "2018-19-Q2")]))),
            ("EditPeopleForm", manager, () => Get($"/api/manage/plans/{Plan}/people")),
            ("EditPeople", manager, EditPeople),
            ("EditLeadForm", manager, () => Get($"/api/manage/plans/{Plan}/leads/{lead.Id}/edit")),
            ("EditLead", manager, EditLead),
            ("MarkBounceFixed", manager, () => Post($"/api/manage/plans/{Plan}/leads/{lead.Id}/edit/bounce-fixed", new FormUrlEncodedContent([new("email", lead.Contacts![0].Email!)]))),
            ("PlanHistory", manager, () => Get($"/api/manage/plans/{Plan}/history")),
            ("ActionHistory", manager, () => Get($"/api/manage/plans/{Plan}/actions/{leadActions[0]}")),
            ("AddActionForm", manager, () => Get($"/api/manage/plans/{Plan}/new-action")),
            ("AddAction", manager, () => Post($"/api/manage/plans/{Plan}/new-action", ActionForm("", "99.1", null))),
            ("EditActionForm", manager, () => Get($"/api/manage/plans/{Plan}/actions/{leadActions[0]}/edit")),
            ("EditAction", manager, () => Post($"/api/manage/plans/{Plan}/actions/{AddedAction().Number}/edit", ActionForm(CspFunctions.Workbench.PlanEditor.VersionOf(AddedAction()), "", "Edited in place."))),
            ("RetireActionForm", manager, () => Get($"/api/manage/plans/{Plan}/actions/{leadActions[0]}/retire")),
            ("RetireAction", manager, () => Post($"/api/manage/plans/{Plan}/actions/{AddedAction().Number}/retire", new FormUrlEncodedContent([new("version", CspFunctions.Workbench.PlanEditor.VersionOf(AddedAction()))]))),
            ("LeadHistory", manager, () => Get($"/api/manage/plans/{Plan}/leads/{lead.Id}")),
            ("ContactList", manager, () => Get($"/api/manage/plans/{Plan}/contacts.csv")),
            ("UploadPlanForm", manager, () => Get("/api/manage/upload")),
            ("UploadPlan", manager, UploadJson),
            ("PublishReport", manager, () => Post($"/api/manage/plans/{Plan}/rounds/{Round}/publish", new FormUrlEncodedContent([]))),
            ("SendReportNoticesAgain", manager, () => Post($"/api/manage/plans/{Plan}/rounds/{Round}/notify", new FormUrlEncodedContent([]))),
            ("ReportSnapshot", board, () => Get($"/api/reports/{Plan}/{Round}/report.html")),
            ("RolloverPlan", manager, () => Post($"/api/manage/plans/{Plan}/rollover", new FormUrlEncodedContent([new("newId", "luton-2019-20")]))),
        };
        Assert.Equal(HttpFunctions.Select(f => f.Name).Order(), calls.Select(c => c.Function).Order());
        foreach (var (function, client, request) in calls)
        {
            using var response = await client.SendAsync(request());
            var status = (int)response.StatusCode;
            Assert.True(status is >= 200 and < 400, $"{function} answered {status} to the right credential: {await response.Content.ReadAsStringAsync()}");
            Assert.True(ReachedFunction(response, HttpFunctions.Single(f => f.Name == function)), function + " was not served by its function");
        }

        // The managers' list shows only their own plans; an Admin sees every plan.
        var list = await (await manager.GetAsync("/api/manage")).Content.ReadAsStringAsync();
        Assert.Contains("Year two business plan", list);
        Assert.DoesNotContain("Other CSP business plan", list);
        Assert.Contains("Other CSP business plan", await (await admin.GetAsync("/api/manage")).Content.ReadAsStringAsync());
        // Who published is the signed-in person, not a placeholder.
        var publication = await host.Services.GetRequiredService<CspFunctions.Reporting.IPublicationStore>().GetAsync(Plan, Round);
        Assert.Equal("CSP Manager", publication!.PublishedBy);
    }

    [Fact]
    public async Task A_manager_cannot_upload_over_another_plan_nor_create_one_that_leaves_them_out()
    {
        await using var host = await StartAsync();
        var other = await host.SignInAsync(OtherManager, "Olu Other");
        using var overwrite = await other.SendAsync(UploadJson());
        Assert.Equal(HttpStatusCode.Forbidden, overwrite.StatusCode);
        var stored = await host.Services.GetRequiredService<CspFunctions.Plans.IPlanStore>().GetAsync(Plan);
        Assert.Equal(TestHost.SampleManager, stored!.Plan.Managers.Single().Email);

        var manager = await host.ManagerAsync();
        var json = File.ReadAllText(RepoPaths.SamplePlan(storage.RepoRoot)).Replace($"\"id\": \"{Plan}\"", "\"id\": \"someone-elses-plan\"").Replace(TestHost.SampleManager, "nobody@example.org");
        using var leftOut = await manager.SendAsync(UploadJson(json));
        Assert.Equal(HttpStatusCode.Forbidden, leftOut.StatusCode);
        Assert.Null(await host.Services.GetRequiredService<CspFunctions.Plans.IPlanStore>().GetAsync("someone-elses-plan"));
    }

    [Fact]
    public async Task The_local_sign_in_strips_a_client_sent_principal_and_never_redirects_off_site()
    {
        await using var host = await StartAsync();
        var stranger = await host.SignInAsync("stranger@example.org", "Sam Stranger");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/manage/plans/{Plan}");
        request.Headers.Add(AccessGate.PrincipalHeader, Forged(admin: true));
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.SendAsync(request)).StatusCode);
        Assert.Contains("Sam Stranger", await stranger.GetStringAsync("/.auth/me"));

        var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
        using var client = noRedirect;
        using var offSite = await client.PostAsync("/.auth/login/aad", new FormUrlEncodedContent([new("name", "x"), new("email", "x@example.org"), new("post_login_redirect_uri", "//evil.example/")]));
        Assert.Equal("/", offSite.Headers.Location!.OriginalString);
        var page = await host.Client.GetStringAsync($"{AccessGate.SignInPath}?post_login_redirect_uri=%2Fapi%2Fmanage");
        Assert.Contains($"Sign in as CSP Manager ({TestHost.SampleManager})", page);
        Assert.Contains($"Sign in as Bea Board ({BoardMember})", page);
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Post(string path, HttpContent content) => new(HttpMethod.Post, path) { Content = content };

    private HttpRequestMessage UploadJson() => UploadJson(SampleWithBoard());

    /// <summary>The sample plan file with its board member, so importing it again keeps them.</summary>
    private string SampleWithBoard()
    {
        var json = File.ReadAllText(RepoPaths.SamplePlan(storage.RepoRoot));
        Assert.Contains("\"managers\": [", json);
        return json.Replace("\"managers\": [", $"\"boardMembers\": [{{\"name\": \"Bea Board\", \"email\": \"{BoardMember}\"}}],\n  \"managers\": [");
    }

    private static HttpRequestMessage UploadJson(string json) =>
        Post("/api/manage/upload", new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(json)), "file", "plan.json" } });

    private static MultipartFormDataContent InboundForm() => new()
    {
        { new StringContent("From: someone@example.org\r\nTo: nobody@reply.example.org\r\nSubject: hello\r\nMessage-ID: <" + Guid.NewGuid().ToString("N") + "@example.org>\r\n\r\nHello.\r\n"), "email" },
        { new StringContent("{\"to\":[\"nobody@reply.example.org\"],\"from\":\"someone@example.org\"}"), "envelope" },
    };

    private HttpRequestMessage SignedEvents()
    {
        const string body = "[{\"email\":\"pat@example.org\",\"timestamp\":1562572800,\"event\":\"delivered\",\"sg_event_id\":\"e1\"}]";
        const string timestamp = "1562572800";
        var request = Post("/api/sendgrid/events", new StringContent(body, Encoding.UTF8, "application/json"));
        request.Headers.Add(SendGridEventWebhook.SignatureHeader, Convert.ToBase64String(_eventKey.SignData(Encoding.UTF8.GetBytes(timestamp + body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)));
        request.Headers.Add(SendGridEventWebhook.TimestampHeader, timestamp);
        return request;
    }

    [GeneratedRegex(@"\{([^}]+)\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"^\|\s*`(?<name>[A-Za-z]+)`\s*\|.*\|\s*`(?<access>[A-Za-z]+)`\s*\|\s*$", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
