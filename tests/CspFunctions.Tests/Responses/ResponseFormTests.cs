using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CspFunctions.Progress;
using CspFunctions.Responses;
using CspFunctions.Tests.Infrastructure;

namespace CspFunctions.Tests.Responses;

[Collection(StorageCollection.Name)]
public sealed class ResponseFormTests(StorageFixture storage)
{
    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> GetAsync(ResponsesWorld world, string token)
    {
        var response = await world.Client.GetAsync(ResponsesWorld.FormPath(token));
        return (response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostAsync(ResponsesWorld world, string token, IEnumerable<KeyValuePair<string, string>> fields, Action<HttpRequestMessage>? adjust = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ResponsesWorld.FormPath(token)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
        adjust?.Invoke(request);
        var response = await world.Client.SendAsync(request);
        return (response, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The form's own fields as the page rendered them, as a browser would post them, with changes.</summary>
    private static List<KeyValuePair<string, string>> FieldsOf(IHtmlDocument page, params (string Name, string Value)[] changes)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in page.QuerySelectorAll<IHtmlInputElement>("form input[type=hidden]")) fields.Add(new(input.Name!, input.Value));
        foreach (var select in page.QuerySelectorAll<IHtmlSelectElement>("form select")) fields.Add(new(select.Name!, select.Value ?? ""));
        foreach (var area in page.QuerySelectorAll<IHtmlTextAreaElement>("form textarea")) fields.Add(new(area.Name!, area.Value));
        foreach (var (name, value) in changes)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }
        return fields;
    }

    [Fact]
    public async Task The_form_lists_the_leads_actions_with_last_quarters_update_and_is_served_with_strict_headers()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var (response, page) = await GetAsync(world, world.Token(ResponsesWorld.Police, ResponsesWorld.PoliceEmail));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Action 9", "Action 19", "Action 24"], page.QuerySelectorAll("section.action h2").Select(h => h.TextContent));
        var last = await world.LatestAsync(ResponsesWorld.LastRoundId);
        Assert.Contains(last[19].Text.Split('\n')[0], page.QuerySelector("#action-19")!.ParentElement!.QuerySelector(".previous")!.TextContent);
        Assert.All(new[] { "status-9", "rag-9", "text-9", "unchanged-9" }, id => Assert.NotNull(page.QuerySelector($"label[for={id}]")));
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("script-src", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Empty(await world.LatestAsync());
    }

    [Fact]
    public async Task A_partial_save_stores_only_what_was_entered_escapes_markup_and_emails_a_confirmation()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var token = world.Token(ResponsesWorld.Police, ResponsesWorld.PoliceEmail);
        var (_, form) = await GetAsync(world, token);
        const string text = "Knife amnesty done. <script>alert('x')</script> & more";
        var (response, page) = await PostAsync(world, token, FieldsOf(form, ("status-9", "AtRisk"), ("rag-9", "Amber"), ("text-9", text)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var latest = await world.LatestAsync();
        Assert.Equal([9], latest.Keys);
        Assert.Equal((ProgressStatus.AtRisk, Rag.Amber, text, UpdateChannel.Form, ResponsesWorld.PoliceEmail), (latest[9].Status, latest[9].Rag, latest[9].Text, latest[9].Channel, latest[9].GivenByEmail));
        Assert.Equal(text, page.QuerySelector("dl.captured dd")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("script"));
        var mail = Assert.Single(world.Mail.To(ResponsesWorld.PoliceEmail));
        Assert.Contains("&lt;script&gt;", mail.HtmlBody);
        Assert.DoesNotContain("<script>", mail.HtmlBody);
        Assert.Contains(text, mail.TextBody);

        var (_, again) = await GetAsync(world, token);
        Assert.Equal(text, again.QuerySelector<IHtmlTextAreaElement>("#text-9")!.Value);
        Assert.Empty(again.QuerySelectorAll("script"));
    }

    [Fact]
    public async Task Missing_choices_show_an_error_summary_linked_to_the_fields_and_save_nothing()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var token = world.Token(ResponsesWorld.Police, ResponsesWorld.PoliceEmail);
        var (_, form) = await GetAsync(world, token);
        var (response, page) = await PostAsync(world, token, FieldsOf(form, ("text-9", "Some progress")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var links = page.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#status-9", "#rag-9"], links);
        Assert.All(links, href => Assert.NotNull(page.QuerySelector(href!)));
        Assert.Equal("status-9-error", page.QuerySelector("#status-9")!.GetAttribute("aria-describedby"));
        Assert.Equal("Some progress", page.QuerySelector<IHtmlTextAreaElement>("#text-9")!.Value);
        Assert.Empty(await world.LatestAsync());
    }

    [Fact]
    public async Task No_change_carries_last_quarters_text_forward_stamped_with_date_and_name()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var token = world.Token(ResponsesWorld.Police, ResponsesWorld.SecondPoliceEmail);
        var (_, form) = await GetAsync(world, token);
        var (response, _) = await PostAsync(world, token, FieldsOf(form, ("unchanged-19", "yes")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var last = (await world.LatestAsync(ResponsesWorld.LastRoundId))[19];
        var saved = (await world.LatestAsync())[19];
        Assert.Equal($"{last.Text}\n\n(Confirmed unchanged on {DateTime.UtcNow:d MMMM yyyy} by Sam Officer.)", saved.Text);
        Assert.Equal((last.Status, last.Rag), (saved.Status, saved.Rag));
    }

    [Fact]
    public async Task Two_contacts_saving_the_same_action_lose_nothing_and_the_later_is_shown_the_other_text()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var first = world.Token(ResponsesWorld.Police, ResponsesWorld.PoliceEmail);
        var second = world.Token(ResponsesWorld.Police, ResponsesWorld.SecondPoliceEmail);
        var (_, formA) = await GetAsync(world, first);
        var (_, formB) = await GetAsync(world, second);

        var (savedA, _) = await PostAsync(world, first, FieldsOf(formA, ("status-9", "OnTrack"), ("rag-9", "Green"), ("text-9", "Text from the first contact.")));
        var (conflict, page) = await PostAsync(world, second, FieldsOf(formB, ("status-9", "OffTrack"), ("rag-9", "Red"), ("text-9", "Text from Sam."), ("status-24", "Complete"), ("rag-24", "Green"), ("text-24", "Done.")));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), (savedA.StatusCode, conflict.StatusCode));
        Assert.Contains("Text from the first contact.", page.QuerySelector("#conflict-9")!.TextContent);
        Assert.Equal("Text from Sam.", page.QuerySelector<IHtmlTextAreaElement>("#text-9")!.Value);
        var latest = await world.LatestAsync();
        Assert.Equal("Text from the first contact.", latest[9].Text);
        Assert.Equal("Done.", latest[24].Text);

        var (resaved, _) = await PostAsync(world, second, FieldsOf(page));
        Assert.Equal(HttpStatusCode.OK, resaved.StatusCode);
        var history = (await world.Get<CspFunctions.Plans.IProgressStore>().GetRoundAsync(ResponsesWorld.PlanId, ResponsesWorld.RoundId)).Where(u => u.ActionNumber == 9).OrderBy(u => u.Version).ToList();
        Assert.Equal(["Text from the first contact.", "Text from Sam."], history.Select(u => u.Text));
        Assert.Single(await world.Get<CspFunctions.Plans.IProgressStore>().GetRoundAsync(ResponsesWorld.PlanId, ResponsesWorld.RoundId), u => u.ActionNumber == 24);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    public async Task A_cross_site_post_is_refused_and_saves_nothing(string header, string value)
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var token = world.Token(ResponsesWorld.Police, ResponsesWorld.PoliceEmail);
        var (_, form) = await GetAsync(world, token);
        var (response, page) = await PostAsync(world, token, FieldsOf(form, ("status-9", "OnTrack"), ("rag-9", "Green"), ("text-9", "Forged.")), r =>
        {
            r.Headers.Remove("Sec-Fetch-Site");
            r.Headers.TryAddWithoutValidation(header, value);
        });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("can only be sent from its own page", page.Body!.TextContent);
        Assert.Empty(await world.LatestAsync());
    }

    [Fact]
    public async Task Oversized_bodies_and_fields_get_clear_messages_and_save_nothing()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var token = world.Token(ResponsesWorld.Police, ResponsesWorld.PoliceEmail);
        var (_, form) = await GetAsync(world, token);

        var (tooBig, bigPage) = await PostAsync(world, token, FieldsOf(form, ("status-9", "OnTrack"), ("rag-9", "Green"), ("text-9", new string('x', 600_000))));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Contains("nothing was saved", bigPage.Body!.TextContent);

        var (tooLong, longPage) = await PostAsync(world, token, FieldsOf(form, ("status-9", "OnTrack"), ("rag-9", "Green"), ("text-9", new string('x', 12_000))));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("12,000 characters; the limit is 10,000", longPage.QuerySelector(".govuk-error-summary")!.TextContent);
        Assert.Empty(await world.LatestAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_UTF8_or_not_a_form_is_refused_plainly()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var token = world.Token(ResponsesWorld.Police, ResponsesWorld.PoliceEmail);
        using var latin = new HttpRequestMessage(HttpMethod.Post, ResponsesWorld.FormPath(token)) { Content = new ByteArrayContent([.. "text-9="u8, 0xA3, 0xFF]) };
        latin.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.BadRequest, (await world.Client.SendAsync(latin)).StatusCode);
        var json = await world.Client.PostAsync(ResponsesWorld.FormPath(token), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Empty(await world.LatestAsync());
    }

    [Fact]
    public async Task Tampered_unknown_key_and_foreign_contact_links_get_403_without_any_plan_data()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var token = world.Token(ResponsesWorld.Police, ResponsesWorld.PoliceEmail);
        var parts = token.Split('.');
        var forged = System.Text.Json.JsonSerializer.Serialize(new LinkClaims(LinkClaims.RespondPurpose, ResponsesWorld.PlanId, ResponsesWorld.RoundId, ResponsesWorld.Housing, ResponsesWorld.HousingEmail, DateTimeOffset.UtcNow.AddDays(5).ToUnixTimeSeconds()));
        var tampered = $"{parts[0]}.{LinkSigner.Base64Url(System.Text.Encoding.UTF8.GetBytes(forged))}.{parts[2]}";
        var unknownKey = "other." + parts[1] + "." + parts[2];
        var removed = world.Token(ResponsesWorld.Police, "left.the.force@example.org");

        foreach (var bad in new[] { tampered, unknownKey, "garbage", removed })
        {
            var (response, page) = await GetAsync(world, bad);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("Bedfordshire", page.Body!.TextContent);
            Assert.DoesNotContain("Housing", page.Body!.TextContent);
            Assert.Empty(page.QuerySelectorAll("textarea"));
        }
        var (_, removedPage) = await GetAsync(world, removed);
        Assert.Contains("no longer listed as a contact", removedPage.Body!.TextContent);
    }

    [Fact]
    public async Task An_expired_link_gets_410_and_a_rate_limited_button_that_emails_a_fresh_working_link()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var expired = world.Token(ResponsesWorld.Police, ResponsesWorld.SecondPoliceEmail, DateTimeOffset.UtcNow.AddMinutes(-1));
        var (response, page) = await GetAsync(world, expired);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var action = page.QuerySelector<IHtmlFormElement>("form")!.GetAttribute("action")!;
        Assert.Equal(ResponsesWorld.FormPath(expired) + "/renew", action);

        var (renewed, _) = await PostAsync(world, expired, [], r => r.RequestUri = new Uri(action, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var mail = Assert.Single(world.Mail.To(ResponsesWorld.SecondPoliceEmail));
        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody, @"/api/respond/([A-Za-z0-9._\-%]+)").Groups[1].Value;
        var (fresh, freshPage) = await GetAsync(world, Uri.UnescapeDataString(link));
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(3, freshPage.QuerySelectorAll("textarea").Length);

        var (again, againPage) = await PostAsync(world, expired, [], r => r.RequestUri = new Uri(action, UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.Contains("You can ask again after", againPage.Body!.TextContent);
        Assert.Single(world.Mail.To(ResponsesWorld.SecondPoliceEmail));
    }

    [Fact]
    public async Task A_link_for_a_closed_round_says_so_and_offers_no_form()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var (response, page) = await GetAsync(world, world.Token(ResponsesWorld.Police, ResponsesWorld.PoliceEmail, roundId: ResponsesWorld.LastRoundId));
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("closed", page.QuerySelector("h1")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("form"));
    }
}
