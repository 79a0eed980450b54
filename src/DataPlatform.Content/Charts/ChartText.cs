namespace DataPlatform.Content.Charts;

/// <summary>Sentences about a chart for screen readers, in the page's language.</summary>
public static class ChartText
{
    public static string Describe(Chart chart, SiteLanguage language)
    {
        var culture = language.Culture;
        var kinds = chart.Series.Select(s => s.Kind).Distinct().ToList();
        var kind = ContentWords.In(language, kinds.Count != 1 ? "Chart"
            : kinds[0] switch
            {
                ChartKind.Bar => chart.Stacked ? "Stacked bar chart" : "Bar chart",
                ChartKind.Area => "Area chart",
                ChartKind.Markers => "Scatter chart",
                _ => "Line chart",
            });
        var values = chart.Series.SelectMany(s => s.Y).OfType<double>().ToList();
        var x = chart.XValues;
        if (values.Count == 0 || x.Count == 0)
        {
            return ContentWords.Format(language, "{0} without values.", kind);
        }
        var names = string.Join(", ", chart.Series.Select(s => s.Name));
        var (min, max) = (ChartScale.FormatNumber(values.Min(), culture), ChartScale.FormatNumber(values.Max(), culture));
        var count = x.Count.ToString("#,0", culture);
        return chart.Series.Count == 1
            ? ContentWords.Format(language, "{0} of 1 series ({1}), {2} x values from {3} to {4}; values range from {5} to {6}. The numbers are in the table below the chart.", kind, names, count, x[0], x[^1], min, max)
            : ContentWords.Format(language, "{0} of {7} series ({1}), {2} x values from {3} to {4}; values range from {5} to {6}. The numbers are in the table below the chart.", kind, names, count, x[0], x[^1], min, max, chart.Series.Count);
    }
}
