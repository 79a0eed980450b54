using System.Reflection;
using Npgsql;

namespace DataPlatform.Web.Data;

/// <summary>
/// Applies the versioned SQL files in <c>Data/Migrations</c> (embedded in the assembly) in name order, each
/// once, each in its own transaction, recorded in <c>schema_migrations</c>. A PostgreSQL advisory lock makes
/// instances that start together take turns, so exactly one of them applies each migration.
/// The app runs this at start-up and the tests run the same code.
/// </summary>
public static class DatabaseMigrator
{
    // An arbitrary constant shared by every instance of the portal: "DataPortal" in ASCII, as a bigint.
    private const long LockKey = 0x44617461506f7274;

    public static IReadOnlyList<(string Version, string Sql)> Migrations { get; } = LoadMigrations();

    /// <summary>Applies what is missing and returns the versions it applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await Execute(connection, $"select pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await Execute(connection, """
                create table if not exists schema_migrations (
                    version    text        primary key,
                    applied_at timestamptz not null default now()
                )
                """, cancellationToken);
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var command = new NpgsqlCommand("select version from schema_migrations", connection))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetString(0));
                }
            }
            var done = new List<string>();
            foreach (var (version, sql) in Migrations.Where(m => !applied.Contains(m.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var command = new NpgsqlCommand(sql, connection, transaction))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }
                await using (var record = new NpgsqlCommand("insert into schema_migrations (version) values (@version)", connection, transaction))
                {
                    record.Parameters.AddWithValue("version", version);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                done.Add(version);
            }
            return done;
        }
        finally
        {
            await Execute(connection, $"select pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<(string, string)> LoadMigrations()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        const string prefix = "DataPlatform.Web.Data.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[prefix.Length..^4], Read(assembly, n)))
            .ToList();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
