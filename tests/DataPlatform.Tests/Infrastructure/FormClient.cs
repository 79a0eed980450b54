using AngleSharp.Dom;

namespace DataPlatform.Tests.Infrastructure;

/// <summary>Fetches a form page and posts it back like a browser: hidden fields (antiforgery token, which carries the form's stamp, and key) included.</summary>
public static class FormClient
{
    public static async Task<Dictionary<string, string>> HiddenFieldsAsync(HttpClient client, string url)
    {
        var document = await Html.GetAsync(client, url);
        return HiddenFields(document);
    }

    public static Dictionary<string, string> HiddenFields(IDocument document) =>
        document.QuerySelectorAll("form.portal-form input[type=hidden]")
            .Where(i => i.GetAttribute("name") is not null and not "IsOrganiser")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");

    /// <summary>GETs the form at <paramref name="url"/>, then POSTs <paramref name="fields"/> with its hidden fields.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string url, IReadOnlyDictionary<string, string> fields, Action<Dictionary<string, string>>? tamper = null)
    {
        var values = await HiddenFieldsAsync(client, url);
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }
        tamper?.Invoke(values);
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    /// <summary>The form's hidden fields followed by <paramref name="fields"/> exactly as given (already percent-encoded, possibly malformed).</summary>
    public static async Task<string> RawBodyAsync(HttpClient client, string url, string fields)
    {
        var hidden = await HiddenFieldsAsync(client, url);
        return string.Join('&', hidden.Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value)}")) + "&" + fields;
    }

    /// <summary>Posts the form with <paramref name="fields"/> as raw bytes, for input a browser would never send.</summary>
    public static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, string url, string fields) =>
        await client.PostAsync(url, new StringContent(await RawBodyAsync(client, url, fields), System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));

    public static readonly IReadOnlyDictionary<string, string> ValidContact = new Dictionary<string, string>
    {
        ["Name"] = "Ada Lovelace",
        ["Email"] = "ada@example.org",
        ["Subject"] = "Hosting a tool",
        ["Message"] = "We would like to host our tool on the platform.",
    };

    public static readonly IReadOnlyDictionary<string, string> ValidEvent = new Dictionary<string, string>
    {
        ["Title"] = "Single-cell data workshop",
        ["EventType"] = "workshop",
        ["StartDate"] = "2026-03-28",
        ["StartTime"] = "09:00",
        ["EndDate"] = "2026-03-29",
        ["EndTime"] = "16:00",
        ["Venue"] = "Uppsala",
        ["Organisers"] = "SciLifeLab",
        ["EventUrl"] = "https://example.org/workshop",
        ["RegistrationUrl"] = "https://example.org/register",
        ["Description"] = "Two days of hands-on analysis.",
        ["IsOrganiser"] = "true",
        ["Name"] = "Grace Hopper",
        ["Email"] = "grace@example.org",
    };

    public static readonly IReadOnlyDictionary<string, string> ValidHighlight = new Dictionary<string, string>
    {
        ["Title"] = "A new atlas of the human gut",
        ["Links"] = "https://doi.org/10.1000/xyz123\nhttps://example.org/dataset",
        ["Description"] = "An openly available dataset.",
        ["Name"] = "Rosalind Franklin",
        ["Email"] = "rosalind@example.org",
    };

    public static Dictionary<string, string> With(this IReadOnlyDictionary<string, string> fields, string key, string value) =>
        new(fields) { [key] = value };
}
