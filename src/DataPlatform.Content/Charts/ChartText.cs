using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DataPlatform.Content.Charts;

/// <summary>Sentences about a chart for screen readers, in the page's language.</summary>
public static class ChartText
{
    public static CultureInfo Culture(SiteLanguage language) => CultureInfo.GetCultureInfo(language == SiteLanguage.Swedish ? "sv-SE" : "en-GB");

    public static string Describe(Chart chart, SiteLanguage language)
    {
        var culture = Culture(language);
        var swedish = language == SiteLanguage.Swedish;
        var kinds = chart.Series.Select(s => s.Kind).Distinct().ToList();
        var kind = kinds.Count != 1 ? (swedish ? "Diagram" : "Chart")
            : kinds[0] switch
            {
                ChartKind.Bar => chart.Stacked ? (swedish ? "Staplat stapeldiagram" : "Stacked bar chart") : (swedish ? "Stapeldiagram" : "Bar chart"),
                ChartKind.Area => swedish ? "Ytdiagram" : "Area chart",
                ChartKind.Markers => swedish ? "Punktdiagram" : "Scatter chart",
                _ => swedish ? "Linjediagram" : "Line chart",
            };
        var values = chart.Series.SelectMany(s => s.Y).OfType<double>().ToList();
        var x = chart.XValues;
        if (values.Count == 0 || x.Count == 0)
        {
            return swedish ? $"{kind} utan värden." : $"{kind} without values.";
        }
        var names = string.Join(", ", chart.Series.Select(s => s.Name));
        var (min, max) = (ChartScale.FormatNumber(values.Min(), culture), ChartScale.FormatNumber(values.Max(), culture));
        var count = x.Count.ToString("#,0", culture);
        return swedish
            ? $"{kind} med {chart.Series.Count} {(chart.Series.Count == 1 ? "serie" : "serier")} ({names}), {count} värden på x-axeln från {x[0]} till {x[^1]}; värdena går från {min} till {max}. Siffrorna finns i tabellen under diagrammet."
            : $"{kind} of {chart.Series.Count} {(chart.Series.Count == 1 ? "series" : "series")} ({names}), {count} x values from {x[0]} to {x[^1]}; values range from {min} to {max}. The numbers are in the table below the chart.";
    }
}
