using System.Text.Json;
using CsvHelper;
using Microsoft.Net.Http.Headers;

namespace DataPlatform.Web.Site;

/// <summary>
/// Rows written to a response as CSV or JSON a batch at a time, so an export of every row never sits in memory
/// whole. The writers write synchronously, which the server does not allow on a response: they write into a
/// buffer that goes out, asynchronously, every batch. Used by every download of a list (publications, data tables, charts).
/// </summary>
public static class StreamedExport
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string JsonType = "application/json; charset=utf-8";

    public static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Marks the response as a download named <paramref name="fileName"/>.</summary>
    public static void Attach(HttpResponse response, string contentType, string fileName)
    {
        response.ContentType = contentType;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName, FileNameStar = fileName }.ToString();
    }

    /// <summary>
    /// A header and rows as CSV: with a byte-order mark so spreadsheet programs read UTF-8 (å, ä, ö), and each cell
    /// <see cref="FormulaSafe"/>.
    /// </summary>
    public static async Task WriteCsvAsync(Stream body, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Injection = CsvInjection.None, WriteByteOrderMark = true }, leaveOpen: true);
        csv.WriteHeader(header.ToArray());
        var count = 0;
        foreach (var row in rows)
        {
            csv.WriteRecord(row.Select(FormulaSafe).ToArray());
            if (++count % 1000 == 0)
            {
                csv.Flush();
                await DrainAsync(buffer, body, cancel);
            }
        }
        // Disposing writes what the writer still holds into the buffer.
        csv.Dispose();
        await DrainAsync(buffer, body, cancel);
    }

    /// <summary>
    /// A cell a spreadsheet will not run: one starting with = + - @ | % a tab or a line break gets a quote mark in front
    /// (formula injection), unless it is a plain number (<c>-821</c>, <c>+3.5e2</c>), which must stay a number.
    /// </summary>
    public static string FormulaSafe(string? value) =>
        string.IsNullOrEmpty(value) ? ""
        : value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' or '|' or '%'
          && !double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) ? "'" + value
        : value;

    /// <summary>Items as a JSON array, each written by <paramref name="write"/>.</summary>
    public static async Task WriteJsonAsync<T>(Stream body, IEnumerable<T> items, Action<Utf8JsonWriter, T> write, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        await using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonOptions.Encoder, Indented = false });
        json.WriteStartArray();
        var count = 0;
        foreach (var item in items)
        {
            write(json, item);
            if (++count % 500 == 0)
            {
                json.Flush();
                await DrainAsync(buffer, body, cancel);
            }
        }
        json.WriteEndArray();
        json.Flush();
        await DrainAsync(buffer, body, cancel);
    }

    /// <summary>Sends what a writer put in the buffer and empties it, so the buffer never holds more than one batch.</summary>
    private static async Task DrainAsync(MemoryStream buffer, Stream body, CancellationToken cancel)
    {
        buffer.Position = 0;
        await buffer.CopyToAsync(body, cancel);
        buffer.SetLength(0);
    }
}
