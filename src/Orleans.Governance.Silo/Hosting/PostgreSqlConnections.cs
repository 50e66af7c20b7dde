using System.Data.Common;
using Npgsql;

namespace Orleans.Governance.Silo.Hosting;

/// <summary>
/// How the silo talks to PostgreSQL. Orleans' ADO.NET providers open a pooled connection for
/// every statement and send the same few statements again and again, so two Npgsql settings
/// matter more than anything else on the database side: prepare those statements once per
/// connection instead of parsing and planning each, and do not reset a connection each time
/// it goes back to the pool (the providers set no session state). Measured on the development
/// machine: 2.2× the durable lifecycle rate (docs/postgresql.md). A setting the operator wrote
/// in the connection string wins.
/// </summary>
public static class PostgreSqlConnections
{
    public static string Tuned(string connectionString)
    {
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.Contains(nameof(builder.MaxAutoPrepare)))
        {
            builder.MaxAutoPrepare = 32;
        }

        if (!written.Contains(nameof(builder.NoResetOnClose)))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}
