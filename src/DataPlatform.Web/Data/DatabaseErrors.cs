using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DataPlatform.Web.Data;

/// <summary>One answer, everywhere, to "is this the database being away?" (as opposed to a bug).</summary>
public static class DatabaseErrors
{
    public static bool IsUnavailable(Exception e) => e switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState == "53300",
        NpgsqlException or TimeoutException or System.Net.Sockets.SocketException or InvalidOperationException { InnerException: NpgsqlException } => true,
        DbUpdateException { InnerException: { } inner } => IsUnavailable(inner),
        _ when e.InnerException is not null && e is not OperationCanceledException => IsUnavailable(e.InnerException),
        _ => false,
    };
}
