using System.Net.Sockets;
using Npgsql;

namespace Orleans.Governance.Silo.Hosting;

/// <summary>Checks, before the silo starts, that the database is reachable and carries our schema, and says plainly what is wrong if not.</summary>
public static class PostgreSqlReadiness
{
    /// <summary>The schema version this build needs (deploy/sql/NNN_*.sql).</summary>
    public const int RequiredSchemaVersion = 2;

    /// <summary>Null when the database is ready; otherwise one sentence naming the problem and the fix.</summary>
    public static async Task<string?> ProblemAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            return $"Governance:ConnectionString is malformed: {e.Message}";
        }

        var where = $"{settings.Username ?? "(default user)"}@{settings.Host}:{settings.Port}/{settings.Database}";
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                "SELECT to_regclass('orleansquery') IS NOT NULL, (SELECT max(version) FROM schema_version WHERE to_regclass('schema_version') IS NOT NULL)", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var version = reader.IsDBNull(1) ? 0 : reader.GetInt32(1);
            return !reader.GetBoolean(0) || version < RequiredSchemaVersion
                ? $"database {where} does not have the Orleans.Governance schema (version {version}, need {RequiredSchemaVersion}): apply it with deploy/postgres/apply-schema.sh"
                : null;
        }
        catch (PostgresException e) when (e.SqlState is "28P01" or "28000")
        {
            return $"PostgreSQL refused the login {where}: wrong user or password ({e.MessageText})";
        }
        catch (PostgresException e) when (e.SqlState == "3D000")
        {
            return $"database {where} does not exist: create it and apply deploy/postgres/apply-schema.sh";
        }
        catch (PostgresException e) when (e.SqlState == "42P01")
        {
            return $"database {where} does not have the Orleans.Governance schema: apply it with deploy/postgres/apply-schema.sh";
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            return $"cannot reach PostgreSQL at {settings.Host}:{settings.Port} ({e.GetBaseException().Message}); for development, deploy/postgres/start-dev.sh starts one";
        }
    }
}
