using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using CspFunctions.Messaging;
using CspFunctions.Plans;
using CspFunctions.Progress;
using CspFunctions.Responses;
using CspFunctions.Setup;
using CspFunctions.Storage;
using CspFunctions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CspFunctions.Tests.Responses;

[Collection(StorageCollection.Name)]
public sealed class InboundMailTests(StorageFixture storage)
{
    private sealed record Result(string Id, string State, string Reason, string Archive, string Mode);

    private static async Task<Result> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<Result>(body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private static async Task<Result> DeliverAsync(ResponsesWorld world, string fixture, string leadId, Dictionary<string, string>? extra = null)
    {
        var values = new Dictionary<string, string>(extra ?? []) { ["REPLY"] = await world.ReplyAddressForAsync(leadId) };
        return await ReadAsync(await world.PostRawAsync(ResponsesWorld.Fixture(fixture, values)));
    }

    private static async Task<int> SingleActionOf(ResponsesWorld world, string leadId) =>
        (await world.Get<IPlanStore>().GetAsync(ResponsesWorld.PlanId))!.Plan.ActionsLedBy(leadId).Single().Number;

    private static async Task<bool> ArchivedAsync(ResponsesWorld world, string blobName) =>
        await world.Get<StorageClients>().Blobs.GetBlobContainerClient(world.Get<StorageNames>().InboundContainer).GetBlobClient(blobName).ExistsAsync();

    [Fact]
    public async Task An_Outlook_reply_in_cp1252_lands_on_the_action_with_pound_euro_and_curly_quotes_intact()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var result = await DeliverAsync(world, "outlook-desktop-cp1252.eml", ResponsesWorld.Housing);

        Assert.Equal("Applied", result.State);
        Assert.Matches(@"^\d{4}/\d{2}/\d{2}/[0-9a-f]{64}\.eml$", result.Archive);
        Assert.True(await ArchivedAsync(world, result.Archive));
        var update = (await world.LatestAsync())[5];
        Assert.Equal("The rent arrears pilot cost £12,000 against a €15k grant; the “Safe at Home” scheme is live in two wards.", update.Text);
        Assert.Equal((UpdateChannel.Email, ResponsesWorld.HousingEmail, 1), (update.Channel, update.GivenByEmail, update.Version));
        var ack = Assert.Single(world.Mail.To(ResponsesWorld.HousingEmail));
        Assert.Contains("£12,000", ack.TextBody);
        Assert.Contains("/api/respond/", ack.TextBody);
    }

    [Theory]
    [InlineData("outlook-web.eml", "kate-delaney-community-safety-partnership", "The exploitation toolkit has been commissioned and SPOCs are in place.")]
    [InlineData("apple-mail.eml", "people-directorate", "CSE reporting has moved to the LSCB’s quarterly cycle.")]
    [InlineData("ios.eml", "service-manager-public-protection", "PSPO consultation closes in August; 240 responses so far.")]
    [InlineData("german-outlook.eml", "community-safety-partnership-officer", "Die Maßnahme läuft planmäßig; 3 Workshops im Juni.")]
    public async Task A_reply_from_each_common_client_keeps_only_the_new_text(string fixture, string leadId, string expected)
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var result = await DeliverAsync(world, fixture, leadId);
        Assert.Equal("Applied", result.State);
        Assert.Equal(expected, (await world.LatestAsync())[await SingleActionOf(world, leadId)].Text);
    }

    [Fact]
    public async Task An_HTML_only_cp1252_reply_becomes_clean_text_and_markup_in_it_stays_text()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var result = await DeliverAsync(world, "html-only-cp1252.eml", "multi-agency-safeguarding-hub");
        Assert.Equal("Applied", result.State);
        var text = (await world.LatestAsync())[await SingleActionOf(world, "multi-agency-safeguarding-hub")].Text;
        Assert.Equal("MASH triage times are down to 24 hours – budget £3,000.\n\n- New triage rota\n- Data sharing agreed “in principle”\n\nWe saw <script>alert(1)</script> in a referral form and removed it.", text);
        var ack = Assert.Single(world.Mail.To("multi-agency-safeguarding-hub@example.org"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", ack.HtmlBody);
        Assert.DoesNotContain("<script>", ack.HtmlBody);
    }

    [Fact]
    public async Task A_Gmail_reply_with_numbered_sections_updates_each_action_with_its_status_and_RAG()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var result = await DeliverAsync(world, "gmail-sections.eml", ResponsesWorld.Police);
        Assert.Equal("Applied", result.State);
        var latest = await world.LatestAsync();
        var last = await world.LatestAsync(ResponsesWorld.LastRoundId);
        Assert.Equal("Op Sceptre week of action ran in June: 14 knives surrendered.", latest[9].Text);
        Assert.Equal((last[9].Status, last[9].Rag), (latest[9].Status, latest[9].Rag));
        Assert.Equal("MARAC referrals up 12% on last quarter; the new IDVA starts in August.", latest[19].Text);
        Assert.Equal(("OSST patrols now part of business as usual.", ProgressStatus.Complete, Rag.Green), (latest[24].Text, latest[24].Status, latest[24].Rag));
    }

    [Fact]
    public async Task A_second_delivery_of_the_same_message_is_recorded_as_a_duplicate_and_applied_once()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var first = await DeliverAsync(world, "gmail-sections.eml", ResponsesWorld.Police);
        var second = await DeliverAsync(world, "gmail-sections.eml", ResponsesWorld.Police);
        Assert.Equal(("Applied", "Duplicate"), (first.State, second.State));
        var versions = (await world.Get<IProgressStore>().GetRoundAsync(ResponsesWorld.PlanId, ResponsesWorld.RoundId)).Count(u => u.ActionNumber == 9);
        Assert.Equal(1, versions);
        var log = await world.Get<IInboundLog>().ListAsync(ResponsesWorld.PlanId, ResponsesWorld.RoundId);
        Assert.Equal([InboundState.Applied, InboundState.Duplicate], log.Select(m => m.State).Order());
        Assert.Single(world.Mail.To(ResponsesWorld.PoliceEmail));
    }

    [Fact]
    public async Task Attachments_are_stored_as_evidence_under_the_action_with_safe_names()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var result = await DeliverAsync(world, "attachments.eml", "youth-offending-service");
        Assert.Equal("Applied", result.State);
        var action = await SingleActionOf(world, "youth-offending-service");
        var evidence = await world.Get<IEvidenceStore>().ListAsync(ResponsesWorld.PlanId, ResponsesWorld.RoundId);
        Assert.Equal(["YOS Q1 report.pdf", "panel minutes.docx"], evidence.Select(e => e.FileName).Order(StringComparer.Ordinal));
        Assert.All(evidence, e => Assert.Equal(action, e.ActionNumber));
        Assert.All(evidence, e => Assert.StartsWith($"{ResponsesWorld.PlanId}/{ResponsesWorld.RoundId}/{action}/", e.BlobName));
        Assert.Equal(2048, evidence.Single(e => e.FileName.EndsWith(".docx")).Bytes);
        var container = world.Get<StorageClients>().Blobs.GetBlobContainerClient(world.Get<StorageNames>().EvidenceContainer);
        var docx = await container.GetBlobClient(evidence.Single(e => e.FileName.EndsWith(".docx")).BlobName).DownloadContentAsync();
        Assert.Equal(Enumerable.Range(0, 2048).Select(i => (byte)(i % 256)), docx.Value.Content.ToArray());
        Assert.Equal("Our quarterly report is attached, with the panel minutes.", (await world.LatestAsync())[action].Text);
    }

    [Fact]
    public async Task An_out_of_office_reply_pauses_chasing_until_the_return_date_and_tells_the_manager()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var back = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);
        var result = await DeliverAsync(world, "auto-reply.eml", "community-development", new() { ["RETURN"] = back.ToString("dddd d MMMM yyyy") });
        Assert.Equal("AutoReply", result.State);
        var pause = Assert.Single(await world.Get<IContactPauses>().GetPausesAsync(ResponsesWorld.PlanId));
        Assert.Equal(("community-development@example.org", back), (pause.Email, DateOnly.FromDateTime(pause.Until.UtcDateTime)));
        Assert.Contains(back.ToString("d MMMM yyyy"), Assert.Single(world.Mail.To(ResponsesWorld.ManagerEmail)).TextBody);
        Assert.Empty(world.Mail.To("community-development@example.org"));
        Assert.False((await world.LatestAsync()).ContainsKey(await SingleActionOf(world, "community-development")));
    }

    [Fact]
    public async Task An_out_of_office_subject_without_a_date_is_not_an_update_and_does_not_pause()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var result = await DeliverAsync(world, "out-of-office-subject.eml", "neighbourhood-enforcement");
        Assert.Equal("AutoReply", result.State);
        Assert.Contains("no return date", result.Reason);
        Assert.Empty(await world.Get<IContactPauses>().GetPausesAsync(ResponsesWorld.PlanId));
        Assert.Empty(await world.LatestAsync());
    }

    [Fact]
    public async Task A_reply_from_someone_who_is_not_a_contact_is_held_and_the_sender_is_told_nothing()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var result = await DeliverAsync(world, "forged-sender.eml", ResponsesWorld.Police);
        Assert.Equal("HeldForReview", result.State);
        Assert.Empty(await world.LatestAsync());
        Assert.Empty(world.Mail.To("bedfordshire.police@evil.example"));
        Assert.Contains("bedfordshire.police@evil.example", Assert.Single(world.Mail.To(ResponsesWorld.ManagerEmail)).TextBody);
        var held = Assert.Single(await world.Get<IInboundLog>().ListAsync(ResponsesWorld.PlanId, ResponsesWorld.RoundId));
        Assert.Equal(InboundState.HeldForReview, held.State);
    }

    [Fact]
    public async Task A_reply_without_sections_from_a_lead_with_several_actions_waits_unassigned_and_the_ack_links_to_the_form()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var result = await DeliverAsync(world, "unsectioned-multi-action.eml", ResponsesWorld.Police);
        Assert.Equal("Unassigned", result.State);
        Assert.Empty(await world.LatestAsync());
        var entry = Assert.Single(await world.Get<IInboundLog>().ListAsync(ResponsesWorld.PlanId, ResponsesWorld.RoundId));
        Assert.Equal("Everything is going to plan this quarter, no issues to report.", entry.UnassignedText);
        var ack = Assert.Single(world.Mail.To(ResponsesWorld.PoliceEmail));
        var link = System.Text.RegularExpressions.Regex.Match(ack.TextBody, @"http://localhost:7071(/api/respond/[A-Za-z0-9._\-%]+)").Groups[1].Value;
        using var form = await world.Client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        // The form shows the text that could not be placed, so the lead can place it.
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await form.Content.ReadAsStringAsync());
        Assert.Equal("Text from your email that needs placing", page.QuerySelector("#unplaced-title")!.TextContent);
        Assert.Contains("Everything is going to plan this quarter, no issues to report.", page.QuerySelector("section.unplaced blockquote")!.TextContent);
    }

    [Fact]
    public async Task A_reply_is_matched_by_In_Reply_To_when_it_was_not_sent_to_a_reply_address()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        await world.Get<IReplyAddressBook>().RegisterMessageIdAsync("<reminder-ccg-2019-20-q1@csp.example.org>", ResponsesWorld.PlanId, ResponsesWorld.RoundId, "clinical-commissioning-group");
        var result = await ReadAsync(await world.PostRawAsync(ResponsesWorld.Fixture("in-reply-to-only.eml", new Dictionary<string, string>())));
        Assert.Equal("Applied", result.State);
        Assert.Equal("Mental health street triage funded for another year.", (await world.LatestAsync())[await SingleActionOf(world, "clinical-commissioning-group")].Text);
    }

    [Fact]
    public async Task A_message_that_matches_no_reminder_is_rejected_and_listed_as_unmatched()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var result = await ReadAsync(await world.PostRawAsync(ResponsesWorld.Fixture("in-reply-to-only.eml", new Dictionary<string, string>())));
        Assert.Equal("Rejected", result.State);
        Assert.Equal(result.Id, Assert.Single(await world.Get<IInboundLog>().ListUnmatchedAsync()).Id);
        Assert.True(await ArchivedAsync(world, result.Archive));
    }

    [Fact]
    public async Task A_malformed_multipart_message_is_archived_and_ends_rejected_with_the_sender_told()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var result = await DeliverAsync(world, "malformed-multipart.eml", "public-health");
        Assert.Equal("Rejected", result.State);
        Assert.True(await ArchivedAsync(world, result.Archive));
        Assert.Single(world.Mail.To("public-health@example.org"));
    }

    [Fact]
    public async Task A_post_that_is_not_form_data_or_has_broken_form_data_is_still_archived_and_answered_2xx()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var notForm = await ReadAsync(await world.KeyClient.PostAsync("/api/inbound/sendgrid", new StringContent("this is not an email at all", Encoding.UTF8, "text/plain")));
        Assert.Equal(("Rejected", "body"), (notForm.State, notForm.Mode));
        Assert.True(await ArchivedAsync(world, notForm.Archive));

        var broken = new ByteArrayContent(Encoding.ASCII.GetBytes("--b\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nFrom: x@example.org\r\n"));
        broken.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");
        var result = await ReadAsync(await world.KeyClient.PostAsync("/api/inbound/sendgrid", broken));
        Assert.Equal("malformed-form", result.Mode);
        Assert.True(await ArchivedAsync(world, result.Archive));
        Assert.Equal(2, (await world.Get<IInboundLog>().ListUnmatchedAsync()).Count);
    }

    [Fact]
    public async Task A_body_over_32_MB_is_refused_with_413()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        // Expect: 100-continue lets the server refuse on Content-Length before a byte of the body is sent.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbound/sendgrid") { Content = new ByteArrayContent(new byte[33 * 1024 * 1024]) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");
        request.Headers.ExpectContinue = true;
        var response = await world.KeyClient.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("32 MB", await response.Content.ReadAsStringAsync());
        Assert.Empty(await world.Get<IInboundLog>().ListUnmatchedAsync());
    }

    [Fact]
    public async Task A_parsed_mode_post_is_rebuilt_with_its_charsets_and_applied()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var reply = await world.ReplyAddressForAsync(ResponsesWorld.Housing);
        using var form = new MultipartFormDataContent
        {
            { new StringContent($"From: Housing <{ResponsesWorld.HousingEmail}>\nTo: {reply}\nSubject: Re: update\nMessage-ID: <parsed-0001@example.org>\n"), "headers" },
            { new ByteArrayContent(Encoding.Latin1.GetBytes("Budget \u00a38,000 agreed.\n\nOn 1 Jul 2019, CSP Manager wrote:\n> old")), "text" },
            { new StringContent("{\"text\":\"iso-8859-1\",\"headers\":\"UTF-8\"}"), "charsets" },
            { new StringContent($"{{\"to\":[\"{reply}\"],\"from\":\"{ResponsesWorld.HousingEmail}\"}}"), "envelope" },
            { new StringContent("pass"), "SPF" }, { new StringContent("{@example.org : pass}"), "dkim" },
        };
        var result = await ReadAsync(await world.KeyClient.PostAsync("/api/inbound/sendgrid", form));
        Assert.Equal(("Applied", "parsed"), (result.State, result.Mode));
        Assert.Equal("Budget £8,000 agreed.", (await world.LatestAsync())[5].Text);
    }

    /// <summary>SendGrid drops a message answered 4xx, so a big parsed-mode field (a newsletter-sized HTML body) must be
    /// archived and processed like any other, up to the 32 MB limit.</summary>
    [Fact]
    public async Task A_parsed_mode_post_with_a_field_over_2_MB_is_archived_and_applied_not_refused()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var reply = await world.ReplyAddressForAsync(ResponsesWorld.Housing);
        var bigHtml = "<html><body><p>Budget agreed.</p>" + string.Concat(Enumerable.Repeat("<p>signature banner padding</p>", 120_000)) + "</body></html>";
        Assert.True(Encoding.UTF8.GetByteCount(bigHtml) > 3 * 1024 * 1024);
        using var form = new MultipartFormDataContent
        {
            { new StringContent($"From: Housing <{ResponsesWorld.HousingEmail}>\nTo: {reply}\nSubject: Re: update\nMessage-ID: <parsed-big-0001@example.org>\n"), "headers" },
            { new StringContent("Budget agreed.\n\nOn 1 Jul 2019, CSP Manager wrote:\n> old"), "text" },
            { new StringContent(bigHtml), "html" },
            { new StringContent("{\"text\":\"UTF-8\",\"html\":\"UTF-8\",\"headers\":\"UTF-8\"}"), "charsets" },
            { new StringContent($"{{\"to\":[\"{reply}\"],\"from\":\"{ResponsesWorld.HousingEmail}\"}}"), "envelope" },
            { new StringContent("pass"), "SPF" }, { new StringContent("{@example.org : pass}"), "dkim" },
        };
        var result = await ReadAsync(await world.KeyClient.PostAsync("/api/inbound/sendgrid", form));
        Assert.Equal(("Applied", "parsed"), (result.State, result.Mode));
        Assert.True(await ArchivedAsync(world, result.Archive));
        Assert.Equal("Budget agreed.", (await world.LatestAsync())[5].Text);
    }

    [Fact]
    public async Task A_storage_failure_before_the_archive_answers_500_and_records_nothing()
    {
        await using var world = await ResponsesWorld.StartAsync(storage, s => s.AddSingleton<IMailArchive, FailingArchive>());
        var reply = await world.ReplyAddressForAsync(ResponsesWorld.Housing);
        var response = await world.PostRawAsync(ResponsesWorld.Fixture("outlook-desktop-cp1252.eml", new Dictionary<string, string> { ["REPLY"] = reply }));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(await world.Get<IInboundLog>().ListAsync(ResponsesWorld.PlanId, ResponsesWorld.RoundId));
        Assert.Empty(await world.LatestAsync());
    }

    [Fact]
    public async Task A_failure_after_the_archive_answers_500_and_the_retried_delivery_is_applied_once()
    {
        var flaky = new FlakyProgress();
        await using var world = await ResponsesWorld.StartAsync(storage, s => s.AddSingleton<IProgressStore>(sp => flaky.Wrap(ActivatorUtilities.CreateInstance<TableProgressStore>(sp))));
        var message = ResponsesWorld.Fixture("outlook-desktop-cp1252.eml", new Dictionary<string, string> { ["REPLY"] = await world.ReplyAddressForAsync(ResponsesWorld.Housing) });
        flaky.FailNext = true;
        Assert.Equal(HttpStatusCode.InternalServerError, (await world.PostRawAsync(message)).StatusCode);
        var retried = await ReadAsync(await world.PostRawAsync(message));
        Assert.Equal("Applied", retried.State);
        Assert.Equal(1, (await world.LatestAsync())[5].Version);
    }

    [Fact]
    public async Task When_the_mail_provider_refuses_the_acknowledgement_the_update_is_still_applied_and_the_log_says_so()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        world.Mail.FailWith = new MessagingException("SendGrid answered 429 after retries", 429);
        var result = await DeliverAsync(world, "outlook-desktop-cp1252.eml", ResponsesWorld.Housing);
        Assert.Equal("Applied", result.State);
        Assert.Contains("acknowledgement could not be sent", result.Reason);
        Assert.True((await world.LatestAsync()).ContainsKey(5));
    }

    [Fact]
    public async Task A_25_MB_message_with_attachments_is_archived_and_its_evidence_stored_whole()
    {
        await using var world = await ResponsesWorld.StartAsync(storage);
        var reply = await world.ReplyAddressForAsync(ResponsesWorld.Housing);
        var path = Path.GetTempFileName();
        try
        {
            var attachmentBytes = LargeMessage.Write(path, ResponsesWorld.HousingEmail, reply, 25 * 1024 * 1024);
            Assert.InRange(new FileInfo(path).Length, 24 * 1024 * 1024, 26 * 1024 * 1024);
            await using var file = File.OpenRead(path);
            var result = await ReadAsync(await world.PostRawAsync(new StreamContent(file)));
            Assert.Equal("Applied", result.State);
            var evidence = await world.Get<IEvidenceStore>().ListAsync(ResponsesWorld.PlanId, ResponsesWorld.RoundId);
            Assert.Equal(attachmentBytes, evidence.Sum(e => e.Bytes));
            var archived = world.Get<StorageClients>().Blobs.GetBlobContainerClient(world.Get<StorageNames>().InboundContainer).GetBlobClient(result.Archive);
            Assert.Equal(new FileInfo(path).Length, (await archived.GetPropertiesAsync()).Value.ContentLength);
        }
        finally { File.Delete(path); }
    }

    private sealed class FailingArchive : IMailArchive
    {
        public Task<Stream?> OpenAsync(string blobName, CancellationToken ct = default) => Task.FromResult<Stream?>(null);

        public Task<string> ArchiveAsync(Stream message, string contentHash, DateTimeOffset receivedAt, CancellationToken ct = default) =>
            throw new Azure.RequestFailedException(503, "Storage is unavailable");
    }

    private sealed class FlakyProgress
    {
        public bool FailNext { get; set; }
        public IProgressStore Wrap(IProgressStore inner) => new Store(this, inner);

        private sealed class Store(FlakyProgress owner, IProgressStore inner) : IProgressStore
        {
            public Task<IReadOnlyList<ProgressUpdate>> GetRoundAsync(string planId, string roundId, CancellationToken ct = default) => inner.GetRoundAsync(planId, roundId, ct);
            public Task<ProgressUpdate> AddAsync(ProgressUpdate update, int expectedLatestVersion, CancellationToken ct = default)
            {
                if (!owner.FailNext) return inner.AddAsync(update, expectedLatestVersion, ct);
                owner.FailNext = false;
                throw new Azure.RequestFailedException(500, "Table service failed");
            }
        }
    }
}

/// <summary>Writes a realistic large reply: a short text part and several attachments, to about <c>size</c> bytes.</summary>
public static class LargeMessage
{
    /// <summary>Returns the total decoded size of the attachments.</summary>
    public static long Write(string path, string from, string to, long size)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = "Re: Progress update needed (with evidence)";
        message.MessageId = $"large-{Guid.NewGuid():N}@example.org";
        var body = new BodyBuilder { TextBody = "Evidence pack attached: photos and the partnership report.\n\nOn 1 Jul 2019, CSP Manager wrote:\n> Please send your update." };
        var random = new Random(42);
        var each = (int)(size * 3 / 4 / 3);
        for (var i = 0; i < 3; i++)
        {
            var bytes = new byte[each];
            random.NextBytes(bytes);
            body.Attachments.Add($"evidence-{i + 1}.jpg", bytes, new ContentType("image", "jpeg"));
        }
        message.Body = body.ToMessageBody();
        using var file = File.Create(path);
        message.WriteTo(file);
        return 3L * each;
    }
}
