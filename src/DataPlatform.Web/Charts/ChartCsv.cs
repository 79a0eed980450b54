using System.Globalization;
using DataPlatform.Content.Charts;
using DataPlatform.Web.Site;

namespace DataPlatform.Web.Charts;

/// <summary>The numbers of a chart as a CSV download: every value, however many the drawing thinned. One writer for content and list charts.</summary>
public static class ChartCsv
{
    public static async Task WriteAsync(HttpResponse response, Chart chart, string fileName, CancellationToken cancellationToken)
    {
        StreamedExport.Attach(response, StreamedExport.CsvType, fileName);
        await StreamedExport.WriteCsvAsync(response.Body, [chart.XTitle.Length > 0 ? chart.XTitle : "x", .. chart.Series.Select(s => s.Name)],
            chart.TableRows().Select(r => (IReadOnlyList<string>)[r.X, .. r.Values.Select(v => v?.ToString("R", CultureInfo.InvariantCulture) ?? "")]),
            cancellationToken);
    }
}
