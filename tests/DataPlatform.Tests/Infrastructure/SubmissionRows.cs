using Npgsql;

namespace DataPlatform.Tests.Infrastructure;

/// <summary>Reads what the portal stored, straight from PostgreSQL.</summary>
public static class SubmissionRows
{
    public sealed record Row(string Reference, string Kind, string Status, string Language, string? SourcePage, string Name, string Email,
        string? Title, string? Message, string Fields, string? SpamReason, DateTimeOffset? NotifiedAt);

    public static async Task<List<Row>> AllAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select reference, kind, status, language, source_page, name, email, title, message, fields::text, spam_reason, notified_at from submissions order by received_at", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Row>();
        while (await reader.ReadAsync())
        {
            rows.Add(new Row(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11)));
        }
        return rows;
    }

    public static async Task<Row?> FindAsync(string connectionString, string reference) =>
        (await AllAsync(connectionString)).SingleOrDefault(r => r.Reference == reference);

    public static string ReferenceFrom(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? throw new InvalidOperationException($"no redirect: {(int)response.StatusCode}");
        return Uri.UnescapeDataString(location[(location.IndexOf("ref=", StringComparison.Ordinal) + 4)..]);
    }
}
