using System.Globalization;

namespace DataPlatform.Content;

/// <summary>
/// A page's front matter: every key as written (case-insensitive, unknown keys kept for views),
/// plus typed values for the keys the portal understands. Built once when the file is parsed.
/// </summary>
public sealed class FrontMatter
{
    /// <summary>The keys that hold dates; each is checked when the file is parsed.</summary>
    public static readonly IReadOnlyList<string> DateKeys = ["date", "publishDate", "expiryDate", "lastmod", "start", "end", "registration_deadline"];

    public IReadOnlyDictionary<string, object?> Values { get; }

    public string? Title { get; }
    public string? LinkTitle { get; }
    public string? Description { get; }
    public string? Summary { get; }
    public string? Slug { get; }
    public string? Url { get; }
    public string? Layout { get; }
    public string? Type { get; }
    public string? TranslationKey { get; }
    public string? Banner { get; }
    public string? BannerCaption { get; }
    public string? BannerAlt { get; }
    public bool Draft { get; }
    public bool Toc { get; }
    public int Weight { get; }
    public DateTimeOffset? Date { get; }
    public DateTimeOffset? PublishDate { get; }
    public DateTimeOffset? ExpiryDate { get; }
    public DateTimeOffset? LastMod { get; }
    public IReadOnlyList<string> Aliases { get; }
    public IReadOnlyList<string> Tags { get; }
    public IReadOnlyList<string> Authors { get; }
    public IReadOnlyList<string> Images { get; }

    // Events
    public DateTimeOffset? Start { get; }
    public DateTimeOffset? End { get; }
    public string? Location { get; }
    public bool Online { get; }
    public IReadOnlyList<string> Organisers { get; }
    public string? EventUrl { get; }
    public string? RegistrationUrl { get; }
    public DateTimeOffset? RegistrationDeadline { get; }
    /// <summary>One of <see cref="EventTypes"/> (other values are kept as written).</summary>
    public string? EventType { get; }

    /// <summary>The kinds of event editors and visitors choose from: the events filter, the suggestion form, <c>event_type</c>.</summary>
    public static readonly IReadOnlyList<string> EventTypes = ["conference", "course", "seminar", "webinar", "workshop", "other"];

    public IReadOnlyDictionary<string, object?> Cascade =>
        Values.TryGetValue("cascade", out var value) ? CascadeValues(value) : Empty;

    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    public FrontMatter(IReadOnlyDictionary<string, object?> values)
    {
        Values = values;
        Title = GetString("title");
        LinkTitle = GetString("linkTitle");
        Description = GetString("description");
        Summary = GetString("summary");
        Slug = GetString("slug");
        Url = GetString("url");
        Layout = GetString("layout");
        Type = GetString("type");
        TranslationKey = GetString("translationKey");
        Banner = GetString("banner");
        BannerCaption = GetString("banner_caption");
        BannerAlt = GetString("banner_alt");
        Draft = GetBool("draft");
        Toc = GetBool("toc");
        Weight = GetInt("weight");
        Date = GetDate("date");
        PublishDate = GetDate("publishDate");
        ExpiryDate = GetDate("expiryDate");
        LastMod = GetDate("lastmod");
        Aliases = GetStringList("aliases");
        Tags = GetStringList("tags");
        Authors = GetStringList("authors");
        Images = GetStringList("images");
        Start = GetDate("start");
        End = GetDate("end");
        Location = GetString("location");
        Online = GetBool("online");
        Organisers = GetStringList("organisers");
        EventUrl = GetString("event_url");
        RegistrationUrl = GetString("registration_url");
        RegistrationDeadline = GetDate("registration_deadline");
        EventType = GetString("event_type");
    }

    /// <summary>Values inherited from a section's <c>cascade</c>: the page's own keys win.</summary>
    public FrontMatter WithInherited(IReadOnlyDictionary<string, object?> inherited)
    {
        if (inherited.Count == 0)
        {
            return this;
        }
        var merged = new Dictionary<string, object?>(inherited, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in Values)
        {
            merged[key] = value;
        }
        return new FrontMatter(merged);
    }

    public string? GetString(string key) => Values.TryGetValue(key, out var v) && v is string s && s.Length > 0 ? s : null;

    public bool GetBool(string key) => GetString(key) is { } s && bool.TryParse(s, out var b) && b;

    public int GetInt(string key) => GetString(key) is { } s && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : 0;

    public IReadOnlyList<string> GetStringList(string key) => Values.TryGetValue(key, out var v) ? v switch
    {
        string s when s.Length > 0 => [s],
        IEnumerable<object?> list => list.OfType<string>().Where(s => s.Length > 0).ToList(),
        _ => [],
    } : [];

    public DateTimeOffset? GetDate(string key) => GetString(key) is { } s ? ParseDate(s) : null;

    /// <summary>True when a date key holds a day without a time (<c>2025-05-14</c>): an all-day value.</summary>
    public bool IsDateOnly(string key) => GetString(key) is { } s && !s.Contains(':', StringComparison.Ordinal);

    /// <summary>
    /// Dates as editors write them: <c>2024-03-01</c>, <c>2024-03-01 10:00</c>, <c>2024-03-01T10:00:00+01:00</c>.
    /// A date or time without an offset is Stockholm time, with daylight saving.
    /// </summary>
    public static DateTimeOffset? ParseDate(string text)
    {
        text = text.Trim();
        var hasOffset = text.EndsWith('Z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*[+-]\d{2}:?\d{2}$");
        if (hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            return withOffset;
        }
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            return Stockholm.FromLocal(local);
        }
        return null;
    }

    /// <summary>The <c>menu</c> key in its three Hugo forms: a name, a list of names, or a map of name → entry.</summary>
    /// <summary>
    /// Hugo's <c>headless: true</c>, or <c>_build</c>/<c>build</c> with <c>render: never</c> (<c>false</c>): the page is
    /// never served, listed or linked; its bundle's files stay available.
    /// </summary>
    public bool IsHidden => GetBool("headless") || BuildOption("render") is "never" or "false";

    /// <summary>Hugo's <c>_build</c>/<c>build</c> with <c>list: never</c> (<c>false</c>): served at its URL, left out of lists and feeds.</summary>
    public bool IsUnlisted => BuildOption("list") is "never" or "false";

    private string? BuildOption(string key) =>
        (Values.GetValueOrDefault("_build") ?? Values.GetValueOrDefault("build")) is IReadOnlyDictionary<string, object?> build
        && build.GetValueOrDefault(key) is string value ? value.Trim().ToLowerInvariant() : null;

    public IReadOnlyList<MenuDeclaration> Menus
    {
        get
        {
            if (!Values.TryGetValue("menu", out var value) && !Values.TryGetValue("menus", out value))
            {
                return [];
            }
            return value switch
            {
                string name => [new MenuDeclaration(name, null, null, Weight, null, null, null)],
                IEnumerable<object?> names when value is not IDictionary<string, object?> =>
                    names.OfType<string>().Select(n => new MenuDeclaration(n, null, null, Weight, null, null, null)).ToList(),
                IDictionary<string, object?> map => map.Select(kv => ToMenu(kv.Key, kv.Value)).ToList(),
                _ => [],
            };
        }
    }

    private MenuDeclaration ToMenu(string menu, object? entry)
    {
        if (entry is not IDictionary<string, object?> e)
        {
            return new MenuDeclaration(menu, null, null, Weight, null, null, null);
        }
        var fields = new FrontMatter(new Dictionary<string, object?>(e, StringComparer.OrdinalIgnoreCase));
        return new MenuDeclaration(menu, fields.GetString("name"), fields.GetString("identifier"),
            fields.Values.ContainsKey("weight") ? fields.Weight : Weight, fields.GetString("parent"), fields.GetString("pre"), fields.GetString("post"));
    }

    private static IReadOnlyDictionary<string, object?> CascadeValues(object? cascade) => cascade switch
    {
        IDictionary<string, object?> map => new Dictionary<string, object?>(map.Where(kv => kv.Key != "_target"), StringComparer.OrdinalIgnoreCase),
        // Newer Hugo allows a list of cascade blocks, each with an optional _target; we apply them all.
        IEnumerable<object?> list => list.OfType<IDictionary<string, object?>>()
            .SelectMany(m => m.Where(kv => kv.Key != "_target"))
            .GroupBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.OrdinalIgnoreCase),
        _ => Empty,
    };
}
