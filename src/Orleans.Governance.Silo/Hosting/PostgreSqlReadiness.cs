using System.Net.Sockets;
using Npgsql;

namespace Orleans.Governance.Silo.Hosting;

/// <summary>Checks, before the silo starts, that the database is reachable and carries our schema, and says plainly what is wrong if not.</summary>
public static class PostgreSqlReadiness
{
    /// <summary>The schema version this build needs (deploy/sql/NNN_*.sql).</summary>
    public const int RequiredSchemaVersion = 2;

    /// <summary>Null when the database is ready; otherwise one sentence naming the problem and the fix.</summary>
    public static async Task<string?> ProblemAsync(string connectionString, CancellationToken cancellationToken = default) =>
        (await CheckAsync(connectionString, cancellationToken))?.Message;

    /// <summary>Null when the database is ready; otherwise what is wrong, and whether it may be only late.</summary>
    public static async Task<DatabaseProblem?> CheckAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            return new($"Governance:ConnectionString is malformed: {e.Message}", Unreachable: false);
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
                ? new($"database {where} does not have the Orleans.Governance schema (version {version}, need {RequiredSchemaVersion}): apply it with deploy/postgres/apply-schema.sh", Unreachable: false)
                : null;
        }
        catch (PostgresException e) when (e.SqlState is "28P01" or "28000")
        {
            return new($"PostgreSQL refused the login {where}: wrong user or password ({e.MessageText})", Unreachable: false);
        }
        catch (PostgresException e) when (e.SqlState == "3D000")
        {
            return new($"database {where} does not exist: create it and apply deploy/postgres/apply-schema.sh", Unreachable: false);
        }
        catch (PostgresException e) when (e.SqlState == "42P01")
        {
            return new($"database {where} does not have the Orleans.Governance schema: apply it with deploy/postgres/apply-schema.sh", Unreachable: false);
        }
        catch (PostgresException e) when (!IsTransient(e))
        {
            return new($"database {where} refused the start-up check: {e.SqlState} {e.MessageText}", Unreachable: false);
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            return new($"cannot reach PostgreSQL at {settings.Host}:{settings.Port} ({e.GetBaseException().Message}); for development, deploy/postgres/start-dev.sh starts one", Unreachable: true);
        }
    }

    /// <summary>
    /// Null unless <paramref name="store"/> would start empty beside grain state of this service in
    /// the other store's table, which it would never read (a switched <c>Governance:StateStore</c>).
    /// </summary>
    public static async Task<string?> StateStoreProblemAsync(string connectionString, string serviceId, GrainStateStore store, CancellationToken cancellationToken = default)
    {
        var (table, otherTable, other) = store == GrainStateStore.GroupCommit
            ? ("governance_grain_state", "orleans_grain_state", GrainStateStore.AdoNet)
            : ("orleans_grain_state", "governance_grain_state", GrainStateStore.GroupCommit);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {otherTable} WHERE service_id = $1)", connection) { Parameters = { new() { Value = serviceId } } };
        return await command.ExecuteScalarAsync(cancellationToken) is true
            ? $"Governance:StateStore is {store}, which keeps grain state in {table}, but {otherTable} holds grain state of service '{serviceId}' written with StateStore={other}, "
              + $"and {store} would never read it. Keep Governance:StateStore={other}; there is no migration between the two tables, so to start this service over on {store} "
              + $"delete its rows from {otherTable} or set Governance:AllowStateStoreSwitch=true (its cases there are then not read)"
            : null;
    }

    /// <summary>The server cannot take connections now but may soon: starting up, shutting down, too many connections, a connection failure.</summary>
    private static bool IsTransient(PostgresException e) =>
        e.SqlState.StartsWith("08", StringComparison.Ordinal) || e.SqlState is "57P01" or "57P02" or "57P03" or "53300";
}
