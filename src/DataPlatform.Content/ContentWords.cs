namespace DataPlatform.Content;

/// <summary>
/// The words the content library itself writes on pages (chart descriptions, heading anchors), in each language: the
/// one place they live. They are made while content loads, where there is no request and no localizer; the web app's
/// words are in its <c>SharedResource.sv.resx</c>. A test checks that every key used has its Swedish.
/// </summary>
public static class ContentWords
{
    /// <summary>English (the key) → Swedish; a <c>{0}</c> is filled in by <see cref="Format"/>.</summary>
    public static readonly IReadOnlyDictionary<string, string> Swedish = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Chart"] = "Diagram",
        ["Bar chart"] = "Stapeldiagram",
        ["Stacked bar chart"] = "Staplat stapeldiagram",
        ["Area chart"] = "Ytdiagram",
        ["Scatter chart"] = "Punktdiagram",
        ["Line chart"] = "Linjediagram",
        ["{0} without values."] = "{0} utan värden.",
        ["{0} of 1 series ({1}), {2} x values from {3} to {4}; values range from {5} to {6}. The numbers are in the table below the chart."] =
            "{0} med 1 serie ({1}), {2} värden på x-axeln från {3} till {4}; värdena går från {5} till {6}. Siffrorna finns i tabellen under diagrammet.",
        ["{0} of {7} series ({1}), {2} x values from {3} to {4}; values range from {5} to {6}. The numbers are in the table below the chart."] =
            "{0} med {7} serier ({1}), {2} värden på x-axeln från {3} till {4}; värdena går från {5} till {6}. Siffrorna finns i tabellen under diagrammet.",
        ["Link to the section {0}"] = "Länk till avsnittet {0}",
    };

    /// <summary><paramref name="english"/> in <paramref name="language"/>.</summary>
    public static string In(SiteLanguage language, string english) =>
        language == SiteLanguage.Swedish && Swedish.TryGetValue(english, out var swedish) ? swedish : english;

    /// <summary><paramref name="english"/> in <paramref name="language"/>, filled in with <paramref name="values"/> in its culture.</summary>
    public static string Format(SiteLanguage language, string english, params object?[] values) =>
        string.Format(language.Culture, In(language, english), values);
}
