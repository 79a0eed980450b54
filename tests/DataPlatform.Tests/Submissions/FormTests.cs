using System.Net;
using System.Text;
using DataPlatform.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace DataPlatform.Tests.Submissions;

/// <summary>The three forms against a real PostgreSQL: storage, every validation rule in both languages, and abuse handling.</summary>
public sealed class FormTests(SitePortal portal) : IClassFixture<SitePortal>
{
    private readonly PortalFactory _factory = portal.Factory;
    private readonly HttpClient _client = portal.Client;

    [Theory]
    [InlineData("/contact/", "en", "contact")]
    [InlineData("/sv/contact/", "sv", "contact")]
    [InlineData("/events/suggest/", "en", "event")]
    [InlineData("/sv/events/suggest/", "sv", "event")]
    [InlineData("/highlights/suggest/", "en", "highlight")]
    [InlineData("/sv/highlights/suggest/", "sv", "highlight")]
    public async Task A_valid_post_is_stored_and_redirected_to_a_confirmation(string url, string language, string kind)
    {
        var fields = kind switch { "event" => FormClient.ValidEvent, "highlight" => FormClient.ValidHighlight, _ => FormClient.ValidContact };

        var response = await FormClient.SubmitAsync(_client, url, fields);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.StartsWith(url + "thanks/?ref=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var reference = SubmissionRows.ReferenceFrom(response);
        var row = await SubmissionRows.FindAsync(_factory.ConnectionString, reference);
        Assert.NotNull(row);
        Assert.Equal((kind, "new", language, url), (row.Kind, row.Status, row.Language, row.SourcePage));
        Assert.Equal(fields["Name"], row.Name);

        var thanks = await Html.GetAsync(_client, response.Headers.Location!.ToString());
        Assert.Equal(language, thanks.DocumentElement.GetAttribute("lang"));
        Assert.Equal(reference, thanks.QuerySelector(".reference")!.TextContent);
    }

    [Fact]
    public async Task A_kept_form_page_gets_its_own_token_and_key_each_time_and_each_works()
    {
        var pages = new List<AngleSharp.Dom.IDocument>();
        for (var i = 0; i < 3; i++)
        {
            var client = _factory.CreatePlainClient();
            var response = await client.GetAsync("/sv/contact/");
            Assert.Equal((true, true), (response.Headers.CacheControl!.NoStore, response.Headers.CacheControl.NoCache));
            Assert.Contains(response.Headers, h => h.Key == "Set-Cookie");
            pages.Add(await Html.ParseAsync(response));
        }
        string Value(AngleSharp.Dom.IDocument page, string name) => page.QuerySelector($"input[name={name}]")!.GetAttribute("value")!;

        foreach (var name in new[] { "__RequestVerificationToken", "SubmissionKey" })
        {
            Assert.Equal(3, pages.Select(p => Value(p, name)).Distinct().Count());
        }
        // The rest of the page is the same bytes: the kept template.
        Assert.Single(pages.Select(p => p.QuerySelector("main")!.InnerHtml
            .Replace(Value(p, "__RequestVerificationToken"), "", StringComparison.Ordinal)
            .Replace(Value(p, "SubmissionKey"), "", StringComparison.Ordinal)).Distinct());
        Assert.Equal("sv", pages[2].DocumentElement.GetAttribute("lang"));
        // A form from the kept page posts like any other (FormClient reads the page afresh, with its own cookies).
        Assert.Equal(HttpStatusCode.SeeOther, (await FormClient.SubmitAsync(_factory.CreatePlainClient(), "/sv/contact/", FormClient.ValidContact)).StatusCode);
    }

    [Fact]
    public async Task Data_protection_keys_are_made_for_aes_256_gcm()
    {
        await _client.GetAsync("/contact/");

        await using var connection = new Npgsql.NpgsqlConnection(_factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("select xml from data_protection_keys", connection);
        var algorithms = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                algorithms.Add(System.Xml.Linq.XElement.Parse(reader.GetString(0)).Descendants("encryption").Single().Attribute("algorithm")!.Value);
            }
        }
        Assert.Equal(["AES_256_GCM"], algorithms);
    }

    [Fact]
    public async Task Event_fields_are_kept_in_jsonb()
    {
        var response = await FormClient.SubmitAsync(_client, "/events/suggest/", FormClient.ValidEvent);

        var row = await SubmissionRows.FindAsync(_factory.ConnectionString, SubmissionRows.ReferenceFrom(response));
        Assert.Equal("Single-cell data workshop", row!.Title);
        Assert.Contains("\"start\": \"2026-03-28T09:00\"", row.Fields, StringComparison.Ordinal);
        Assert.Contains("\"event_type\": \"workshop\"", row.Fields, StringComparison.Ordinal);
        Assert.Contains("\"is_organiser\": true", row.Fields, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string, string, string> ValidationRules => new()
    {
        // url, field to break, bad value, field that shows the error, English message, Swedish message
        { "contact/", "Name", "", "Name", "Enter your name.", "Skriv ditt namn." },
        { "contact/", "Name", new string('x', 201), "Name", "Your name can be at most 200 characters.", "Namnet får vara högst 200 tecken." },
        { "contact/", "Email", "", "Email", "Enter your email address.", "Skriv din e-postadress." },
        { "contact/", "Email", "not-an-email", "Email", "Enter an email address like name@example.org.", "Skriv en e-postadress som namn@example.org." },
        { "contact/", "Email", new string('a', 250) + "@x.se", "Email", "The email address can be at most 254 characters.", "E-postadressen får vara högst 254 tecken." },
        { "contact/", "Subject", new string('s', 301), "Subject", "The subject can be at most 300 characters.", "Ämnet får vara högst 300 tecken." },
        { "contact/", "Message", "", "Message", "Enter your message.", "Skriv ditt meddelande." },
        { "contact/", "Message", new string('m', 5001), "Message", "The message can be at most 5000 characters.", "Meddelandet får vara högst 5000 tecken." },
        { "contact/", "Message", "bell\u0007character", "Message", "This field contains characters that are not allowed.", "Fältet innehåller tecken som inte är tillåtna." },
        { "events/suggest/", "Title", "", "Title", "Enter the event's title.", "Skriv evenemangets titel." },
        { "events/suggest/", "EventType", "", "EventType", "Choose the type of event.", "Välj typ av evenemang." },
        { "events/suggest/", "EventType", "party", "EventType", "Choose the type of event.", "Välj typ av evenemang." },
        { "events/suggest/", "StartDate", "", "StartDate", "Enter the start date.", "Skriv startdatum." },
        { "events/suggest/", "StartDate", "2026-02-30", "StartDate", "Enter a real start date as YYYY-MM-DD and an optional time as HH:MM.", "Skriv ett riktigt startdatum som ÅÅÅÅ-MM-DD och eventuellt en tid som TT:MM." },
        { "events/suggest/", "StartTime", "25:00", "StartDate", "Enter a real start date as YYYY-MM-DD and an optional time as HH:MM.", "Skriv ett riktigt startdatum som ÅÅÅÅ-MM-DD och eventuellt en tid som TT:MM." },
        { "events/suggest/", "EndDate", "28/03/2026", "EndDate", "Enter a real end date as YYYY-MM-DD and an optional time as HH:MM.", "Skriv ett riktigt slutdatum som ÅÅÅÅ-MM-DD och eventuellt en tid som TT:MM." },
        { "events/suggest/", "EndDate", "2026-03-27", "EndDate", "The event cannot end before it starts.", "Evenemanget kan inte sluta innan det börjar." },
        { "events/suggest/", "EventUrl", "", "EventUrl", "Enter a web address with information about the event.", "Skriv en webbadress med information om evenemanget." },
        { "events/suggest/", "EventUrl", "ftp://example.org/x", "EventUrl", "Enter a web address starting with https:// or http://.", "Skriv en webbadress som börjar med https:// eller http://." },
        { "events/suggest/", "RegistrationUrl", "javascript:alert(1)", "RegistrationUrl", "Enter a web address starting with https:// or http://.", "Skriv en webbadress som börjar med https:// eller http://." },
        { "events/suggest/", "Venue", new string('v', 301), "Venue", "The venue can be at most 300 characters.", "Platsen får vara högst 300 tecken." },
        { "events/suggest/", "Organisers", new string('o', 501), "Organisers", "The organisers can be at most 500 characters.", "Arrangörerna får vara högst 500 tecken." },
        { "events/suggest/", "Description", "", "Description", "Describe the event.", "Beskriv evenemanget." },
        { "highlights/suggest/", "Title", "", "Title", "Enter a title for the highlight.", "Skriv en titel för datanyheten." },
        { "highlights/suggest/", "Links", "", "Links", "Enter at least one link to the publication or dataset.", "Skriv minst en länk till publikationen eller datasetet." },
        { "highlights/suggest/", "Links", "https://ok.example.org\nnot a link", "Links", "Enter one web address per line (at most 20), each starting with https:// or http://.", "Skriv en webbadress per rad (högst 20), som var och en börjar med https:// eller http://." },
        { "highlights/suggest/", "Description", new string('d', 3001), "Description", "The description can be at most 3000 characters.", "Beskrivningen får vara högst 3000 tecken." },
    };

    [Theory]
    [MemberData(nameof(ValidationRules))]
    public async Task Each_validation_rule_shows_its_message_beside_the_field_in_both_languages(
        string path, string field, string value, string errorField, string english, string swedish)
    {
        foreach (var (prefix, message) in new[] { ("/", english), ("/sv/", swedish) })
        {
            var url = prefix + path;
            var valid = path.StartsWith("events", StringComparison.Ordinal) ? FormClient.ValidEvent
                : path.StartsWith("highlights", StringComparison.Ordinal) ? FormClient.ValidHighlight : FormClient.ValidContact;
            var before = (await SubmissionRows.AllAsync(_factory.ConnectionString)).Count;

            var response = await FormClient.SubmitAsync(_client, url, valid.With(field, value));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var document = await Html.ParseAsync(response);
            Assert.Equal(message, document.QuerySelector($"#field-{errorField}-error")!.TextContent.Split(':', 2)[1].Trim());
            Assert.Equal($"#field-{errorField}", document.QuerySelector(".error-summary a")!.GetAttribute("href"));
            Assert.Equal("true", document.QuerySelector($"#field-{errorField}")!.GetAttribute("aria-invalid"));
            // What the visitor typed in the other fields is still there.
            var other = valid.Keys.First(k => k != field && k != "IsOrganiser" && k != "EventType");
            var kept = document.QuerySelector($"#field-{other}");
            Assert.Equal(valid[other], kept!.LocalName == "textarea" ? kept.TextContent : kept.GetAttribute("value"));
            Assert.Equal(before, (await SubmissionRows.AllAsync(_factory.ConnectionString)).Count);
        }
    }

    [Theory]
    [InlineData("/sv/events/suggest/", "Värdet 'maybe' är inte giltigt.")]
    [InlineData("/events/suggest/", "The value 'maybe' is not valid.")]
    public async Task Model_binding_errors_read_in_the_pages_language(string url, string message)
    {
        var response = await FormClient.SubmitAsync(_client, url, FormClient.ValidEvent.With("IsOrganiser", "maybe"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([message], (await Html.ParseAsync(response)).QuerySelectorAll(".error-summary li").Select(li => li.TextContent));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected_and_not_stored()
    {
        var message = "tokenless " + Guid.NewGuid();
        var response = await FormClient.SubmitAsync(_client, "/sv/contact/", FormClient.ValidContact.With("Message", message), values => values.Remove("__RequestVerificationToken"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Equal("sv", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Felaktig begäran", document.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain(await SubmissionRows.AllAsync(_factory.ConnectionString), row => row.Message == message);
    }

    [Fact]
    public async Task One_served_form_yields_one_submission_and_replays_with_new_keys_are_kept_as_spam()
    {
        var served = await FormClient.HiddenFieldsAsync(_client, "/contact/");
        var references = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var values = new Dictionary<string, string>(served) { ["SubmissionKey"] = Guid.NewGuid().ToString() };
            foreach (var (key, value) in FormClient.ValidContact.With("Message", $"replay {i}"))
            {
                values[key] = value;
            }
            var response = await _client.PostAsync("/contact/", new FormUrlEncodedContent(values));
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
            references.Add(SubmissionRows.ReferenceFrom(response));
        }

        var rows = new List<(string Status, string? Reason)>();
        foreach (var reference in references)
        {
            var row = (await SubmissionRows.FindAsync(_factory.ConnectionString, reference))!;
            rows.Add((row.Status, row.SpamReason));
        }
        Assert.Equal([("new", null), ("spam", "form stamp already used"), ("spam", "form stamp already used")], rows);
    }

    [Fact]
    public async Task A_filled_honeypot_is_stored_as_spam_and_the_visitor_sees_the_usual_confirmation()
    {
        var response = await FormClient.SubmitAsync(_client, "/contact/", FormClient.ValidContact.With("Website", "http://spam.example"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var row = await SubmissionRows.FindAsync(_factory.ConnectionString, SubmissionRows.ReferenceFrom(response));
        Assert.Equal(("spam", "honeypot field filled in"), (row!.Status, row.SpamReason));
    }

    [Fact]
    public async Task A_token_made_for_a_page_that_is_not_a_public_form_carries_no_stamp_and_its_post_is_spam()
    {
        var client = _factory.CreatePlainClient();
        var staffToken = await TokenWithoutStampAsync(client);

        var response = await FormClient.SubmitAsync(client, "/contact/", FormClient.ValidContact, values => values["__RequestVerificationToken"] = staffToken);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var row = await SubmissionRows.FindAsync(_factory.ConnectionString, SubmissionRows.ReferenceFrom(response));
        Assert.Equal(("spam", "missing form stamp"), (row!.Status, row.SpamReason));
    }

    [Theory]
    [InlineData("Contact", -10, "new", null)]
    [InlineData("Event", -10, "spam", "invalid form stamp")]
    [InlineData("Contact", -25 * 3600, "spam", "form older than allowed")]
    public async Task A_form_served_before_the_stamp_moved_into_the_token_is_checked_by_its_own_signed_stamp(
        string kind, int servedSecondsAgo, string status, string? reason)
    {
        // What the version before 2026-12-06 served: a token without a stamp, and the stamp signed on its own in a hidden field.
        var client = _factory.CreatePlainClient();
        var oldToken = await TokenWithoutStampAsync(client);
        var protector = _factory.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("DataPlatform.Submissions.FormStamp.v1");
        var ticks = DateTimeOffset.UtcNow.AddSeconds(servedSecondsAgo).UtcTicks;
        var oldStamp = protector.Protect($"{kind}|{ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

        var response = await FormClient.SubmitAsync(client, "/contact/", FormClient.ValidContact, values =>
        {
            values["__RequestVerificationToken"] = oldToken;
            values["Stamp"] = oldStamp;
        });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var row = await SubmissionRows.FindAsync(_factory.ConnectionString, SubmissionRows.ReferenceFrom(response));
        Assert.Equal((status, reason), (row!.Status, row.SpamReason));
    }

    [Fact]
    public async Task A_forged_old_style_stamp_is_spam()
    {
        var client = _factory.CreatePlainClient();
        var oldToken = await TokenWithoutStampAsync(client);

        var response = await FormClient.SubmitAsync(client, "/contact/", FormClient.ValidContact, values =>
        {
            values["__RequestVerificationToken"] = oldToken;
            values["Stamp"] = "Contact|0";
        });

        var row = await SubmissionRows.FindAsync(_factory.ConnectionString, SubmissionRows.ReferenceFrom(response));
        Assert.Equal(("spam", "invalid form stamp"), (row!.Status, row.SpamReason));
    }

    /// <summary>An antiforgery token made for a page that is not a public form (staff sign-in): it carries no stamp, as every token did before 2026-12-06.</summary>
    private static async Task<string> TokenWithoutStampAsync(HttpClient client) =>
        (await Html.GetAsync(client, "/staff/signin")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    [Fact]
    public async Task A_stamp_from_another_form_is_spam()
    {
        var eventToken = (await FormClient.HiddenFieldsAsync(_client, "/events/suggest/"))["__RequestVerificationToken"];

        var response = await FormClient.SubmitAsync(_client, "/contact/", FormClient.ValidContact, values => values["__RequestVerificationToken"] = eventToken);

        var row = await SubmissionRows.FindAsync(_factory.ConnectionString, SubmissionRows.ReferenceFrom(response));
        Assert.Equal(("spam", "invalid form stamp"), (row!.Status, row.SpamReason));
    }

    [Fact]
    public async Task A_tampered_token_and_so_a_forged_stamp_is_refused_and_not_stored()
    {
        var before = (await SubmissionRows.AllAsync(_factory.ConnectionString)).Count;
        var response = await FormClient.SubmitAsync(_client, "/contact/", FormClient.ValidContact,
            values => values["__RequestVerificationToken"] = values["__RequestVerificationToken"][..^4] + (values["__RequestVerificationToken"].EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, (await SubmissionRows.AllAsync(_factory.ConnectionString)).Count);
    }

    [Fact]
    public async Task Posting_the_same_form_twice_stores_it_once()
    {
        var values = await FormClient.HiddenFieldsAsync(_client, "/contact/");
        foreach (var (key, value) in FormClient.ValidContact.With("Message", "double click"))
        {
            values[key] = value;
        }

        var first = await _client.PostAsync("/contact/", new FormUrlEncodedContent(values));
        var second = await _client.PostAsync("/contact/", new FormUrlEncodedContent(values));

        Assert.Equal(SubmissionRows.ReferenceFrom(first), SubmissionRows.ReferenceFrom(second));
        Assert.Single(await SubmissionRows.AllAsync(_factory.ConnectionString), r => r.Message == "double click");
    }

    [Fact]
    public async Task Html_and_sql_in_fields_are_stored_as_written_and_shown_escaped()
    {
        const string hostile = "<script>alert('x')</script>'; drop table submissions; --";
        var response = await FormClient.SubmitAsync(_client, "/contact/", FormClient.ValidContact.With("Name", hostile).With("Email", "bad"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);

        var stored = await FormClient.SubmitAsync(_client, "/contact/", FormClient.ValidContact.With("Name", hostile).With("Message", hostile));
        var row = await SubmissionRows.FindAsync(_factory.ConnectionString, SubmissionRows.ReferenceFrom(stored));
        Assert.Equal((hostile, hostile), (row!.Name, row.Message));
    }

    [Fact]
    public async Task Wrong_content_type_is_415_in_the_visitors_language()
    {
        var response = await _client.PostAsync("/sv/contact/", new StringContent("{\"Name\":\"x\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("Innehållet stöds inte", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task An_oversized_post_is_413()
    {
        var values = await FormClient.HiddenFieldsAsync(_client, "/contact/");
        values["Message"] = new string('x', 200_000);

        var response = await _client.PostAsync("/contact/", new FormUrlEncodedContent(values));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("Too much data", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_nul_byte_in_a_field_is_a_bilingual_400_not_a_crash()
    {
        var response = await FormClient.PostRawAsync(_client, "/sv/contact/", "Name=Ada&Email=ada%40example.org&Message=nul%00byte");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Felaktig begäran", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_field_is_kept_as_the_escapes_sent_not_garbled()
    {
        var response = await FormClient.PostRawAsync(_client, "/contact/", "Name=Ada&Email=ada%40example.org&Message=bad%FF%FEbytes");

        // ASP.NET Core leaves undecodable percent escapes as they were sent; nothing turns into U+FFFD.
        var row = await SubmissionRows.FindAsync(_factory.ConnectionString, SubmissionRows.ReferenceFrom(response));
        Assert.Equal("bad%FF%FEbytes", row!.Message);
    }

    [Fact]
    public async Task Forms_are_linked_from_their_sections()
    {
        Assert.NotNull((await Html.GetAsync(_client, "/events/")).QuerySelector("a[href='/events/suggest/']"));
        Assert.NotNull((await Html.GetAsync(_client, "/sv/highlights/")).QuerySelector("a[href='/sv/highlights/suggest/']"));
        Assert.NotNull((await Html.GetAsync(_client, "/contact/")).QuerySelector("form.portal-form textarea[name=Message]"));
    }
}

/// <summary>Random garbage at every form endpoint, from a fixed seed: always a clear 4xx, never a 500, nothing stored.</summary>
public sealed class FormFuzzTests(FormFuzzTests.EmptyPortal portal) : IClassFixture<FormFuzzTests.EmptyPortal>
{
    /// <summary>A portal whose database no other test writes to, so "nothing stored" can be checked.</summary>
    public sealed class EmptyPortal : PortalFixture
    {
        protected override Task<PortalFactory> CreateAsync() => PortalFactory.CreateAsync(Fixtures.Portal, PortalFactory.FormSettings());
    }

    private readonly PortalFactory _factory = portal.Factory;

    [Fact]
    public async Task Garbage_posts_get_4xx_and_store_nothing()
    {
        var client = _factory.CreatePlainClient();
        var random = new Random(20261121);
        string[] urls = ["/contact/", "/sv/contact/", "/events/suggest/", "/sv/events/suggest/", "/highlights/suggest/", "/sv/highlights/suggest/"];
        string[] types = ["application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "application/json", "text/plain", "application/octet-stream"];
        for (var i = 0; i < 120; i++)
        {
            var bytes = new byte[random.Next(0, 4000)];
            random.NextBytes(bytes);
            if (i % 3 == 0)
            {
                // Form-shaped garbage: real field names with hostile values.
                var body = await FormClient.RawBodyAsync(client, urls[i % urls.Length],
                    $"Name=%{random.Next(0, 255):X2}%{random.Next(0, 255):X2}&Email={new string('@', random.Next(1, 400))}&Message=%00%C3%28&StartDate=9999-99-99&Links=javascript:x");
                bytes = System.Text.Encoding.ASCII.GetBytes(body);
            }
            var content = new ByteArrayContent(bytes);
            content.Headers.TryAddWithoutValidation("Content-Type", types[i % types.Length]);

            var response = await client.PostAsync(urls[i % urls.Length], content);

            // Forms take form encodings only (415 for anything else); a form post without a valid antiforgery token is a 400.
            var expected = i % types.Length < 2 ? HttpStatusCode.BadRequest : HttpStatusCode.UnsupportedMediaType;
            Assert.True(expected == response.StatusCode, $"post {i} to {urls[i % urls.Length]} as {types[i % types.Length]} answered {(int)response.StatusCode}, not {(int)expected}");
        }
        Assert.Empty(await SubmissionRows.AllAsync(_factory.ConnectionString));
    }
}

/// <summary>A kept form page follows the content: an edit to the form's intro shows on the next request after the reload.</summary>
public sealed class FormPageReloadTests
{
    [Fact]
    public async Task An_edit_to_the_forms_intro_shows_on_the_form_page()
    {
        var root = Fixtures.Copy("portal");
        await using var factory = await PortalFactory.CreateAsync(root, PortalFactory.FormSettings());
        var client = factory.CreatePlainClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/contact/")).StatusCode);
        var file = Path.Combine(root, "contact", "_index.md");

        await File.AppendAllTextAsync(file, "\nA brand new line for the form.\n");

        await Eventually.TrueAsync(async () => (await client.GetStringAsync("/contact/")).Contains("A brand new line for the form.", StringComparison.Ordinal), "the edited intro on the form page");
    }
}
