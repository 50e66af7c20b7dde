using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Orleans.Governance.Silo.Storage;

/// <summary>
/// Grain state in PostgreSQL (table <c>governance_grain_state</c>, deploy/sql/002) with group
/// commit. Orleans' ADO.NET provider runs one statement, and so one commit, per grain write;
/// a lifecycle writes about twenty times, and PostgreSQL's CPU then bounds the cluster at a few
/// hundred lifecycles a second. Here the writes (and reads) of all grains that arrive together
/// go out as one batch of two statements over arrays (updates, first inserts), committed once.
/// A write is still acknowledged only after its commit, and a stale ETag is still refused with
/// <see cref="InconsistentStateException"/>, and so is every write of a silo the cluster has
/// voted dead (<see cref="SiloFence"/>).
/// </summary>
public sealed partial class PostgreSqlGrainStorage : IGrainStorage, IAsyncDisposable
{
    // The updates of rows whose version matches, returning the position of each in the arrays; a
    // position missing from the result was stale. Sent with the inserts below as one batch, which
    // PostgreSQL runs as one transaction: one commit for all.
    private const string UpdateSql = """
        UPDATE governance_grain_state AS s
           SET payload = i.payload, version = s.version + 1, modified_at = now()
          FROM unnest($2::text[], $3::text[], $4::bytea[], $5::int4[]) WITH ORDINALITY AS i(state_name, grain_id, payload, expected, n)
         WHERE s.grain_id = i.grain_id AND s.state_name = i.state_name AND s.service_id = $1
           AND s.version = i.expected
           AND ($6::text IS NULL OR EXISTS (SELECT 1 FROM orleans_membership AS m
                WHERE m.cluster_id = $6 AND m.address = $7 AND m.port = $8 AND m.generation = $9 AND m.status <> 6))
        RETURNING i.n, s.version
        """;

    // First writes; a row that exists already means someone else wrote first (stale).
    private const string InsertSql = """
        INSERT INTO governance_grain_state (service_id, state_name, grain_id, payload, version)
        SELECT $1, i.state_name, i.grain_id, i.payload, 1
          FROM unnest($2::text[], $3::text[], $4::bytea[]) AS i(state_name, grain_id, payload)
         WHERE $5::text IS NULL OR EXISTS (SELECT 1 FROM orleans_membership AS m
               WHERE m.cluster_id = $5 AND m.address = $6 AND m.port = $7 AND m.generation = $8 AND m.status <> 6)
        ON CONFLICT ON CONSTRAINT governance_grain_state_pk DO NOTHING
        RETURNING state_name, grain_id
        """;

    // The writing silo's own row in the membership table (Orleans' SiloStatus 6 is Dead), locked
    // until the batch commits: the vote that marks the silo Dead (an UPDATE of that row) waits for
    // a batch under way, and a batch after the vote reads Dead and writes nothing.
    private const string FenceSql = """
        SELECT status FROM orleans_membership
         WHERE cluster_id = $1 AND address = $2 AND port = $3 AND generation = $4
           FOR SHARE
        """;

    private const string ReadSql = """
        SELECT i.n, s.payload, s.version
          FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS i(state_name, grain_id, n)
          JOIN governance_grain_state AS s
            ON s.service_id = $1 AND s.state_name = i.state_name AND s.grain_id = i.grain_id
        """;

    private readonly NpgsqlDataSource _database;
    private readonly string _serviceId;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly SiloFence? _fence;
    private readonly ILogger _logger;
    private readonly GroupCommitQueue<StateKey, Write, int?> _writes;
    private readonly GroupCommitQueue<StateKey, StateKey, Stored?> _reads;

    /// <summary>A <paramref name="fence"/> of null writes whatever the membership table says (there may be none: tests of the store alone).</summary>
    public PostgreSqlGrainStorage(string connectionString, string serviceId, IGrainStorageSerializer serializer, IActivatorProvider activators, PostgreSqlGrainStorageOptions options, ILogger<PostgreSqlGrainStorage> logger, SiloFence? fence = null)
    {
        (_serviceId, _serializer, _activators, _logger, _fence) = (serviceId, serializer, activators, logger, fence);
        _database = NpgsqlDataSource.Create(OwnConnections(connectionString));
        _writes = new(w => w.Key, WriteBatchAsync, options.MaxBatchSize, options.ConcurrentBatches, RefusedByTheServer);
        _reads = new(k => k, ReadBatchAsync, options.MaxBatchSize, options.ConcurrentBatches, RefusedByTheServer);
    }

    /// <summary>Writes committed so far and the commits (one batch each) that committed them.</summary>
    public (long Writes, long Commits) WriteCounts => _writes.Counts;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = await _reads.RunAsync(new StateKey(stateName, grainId.ToString()));
        grainState.State = stored?.Payload is { } payload ? _serializer.Deserialize<T>(new BinaryData(payload)) : _activators.GetActivator<T>().Create();
        grainState.ETag = stored is null ? null : ETag(stored.Version);
        grainState.RecordExists = stored?.Payload is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = _serializer.Serialize(grainState.State).ToArray();
        grainState.ETag = await CommitAsync(new Write(new StateKey(stateName, grainId.ToString()), payload, Version(grainState.ETag)));
        grainState.RecordExists = true;
    }

    /// <summary>Keeps the row with no payload and a new version, as Orleans' ADO.NET provider does.</summary>
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.ETag = await CommitAsync(new Write(new StateKey(stateName, grainId.ToString()), null, Version(grainState.ETag)));
        grainState.State = _activators.GetActivator<T>().Create();
        grainState.RecordExists = false;
    }

    public async ValueTask DisposeAsync()
    {
        await _writes.DisposeAsync();
        await _reads.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>
    /// The server refused the batch (a value too long for an index, a deadlock, an overflow): it
    /// rolled the implicit transaction back, so the batch applied nothing and its halves may run
    /// again. Not a lost connection, a shutdown, a full disk or a system error: whether the commit
    /// happened may be unknown, and the halves would only meet the same trouble.
    /// </summary>
    private static bool RefusedByTheServer(Exception failure) =>
        failure is PostgresException { SqlState: var state } && state[..2] is not ("08" or "53" or "57" or "58");

    private async Task<string> CommitAsync(Write write)
    {
        var version = await _writes.RunAsync(write)
            ?? throw new InconsistentStateException(
                $"State '{write.Key.StateName}' of {write.Key.GrainId} was written by someone else: the activation holds version {write.Expected?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}, which is no longer the stored one.",
                null, ETag(write.Expected), null);
        return ETag(version)!;
    }

    private async Task<int?[]> WriteBatchAsync(IReadOnlyList<Write> batch)
    {
        var updates = Enumerable.Range(0, batch.Count).Where(i => batch[i].Expected is not null).ToArray();
        var inserts = Enumerable.Range(0, batch.Count).Where(i => batch[i].Expected is null).ToArray();
        await using var statements = _database.CreateBatch();
        if (_fence is not null)
        {
            var fence = new NpgsqlBatchCommand(FenceSql);
            AddFence(fence, _fence);
            statements.BatchCommands.Add(fence);
        }

        if (updates.Length > 0)
        {
            var update = new NpgsqlBatchCommand(UpdateSql);
            AddWrites(update, updates.Select(i => batch[i]).ToArray());
            update.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. updates.Select(i => batch[i].Expected!.Value)] });
            AddFence(update, _fence);
            statements.BatchCommands.Add(update);
        }

        if (inserts.Length > 0)
        {
            var insert = new NpgsqlBatchCommand(InsertSql);
            AddWrites(insert, inserts.Select(i => batch[i]).ToArray());
            AddFence(insert, _fence);
            statements.BatchCommands.Add(insert);
        }

        var versions = new int?[batch.Count];
        await using var reader = await statements.ExecuteReaderAsync();
        string? fenced = null;
        if (_fence is not null)
        {
            fenced = !await reader.ReadAsync() ? "not in" : reader.GetInt32(0) == (int)SiloStatus.Dead ? "declared dead in" : null;
            await reader.NextResultAsync();
        }

        if (updates.Length > 0)
        {
            while (await reader.ReadAsync())
            {
                versions[updates[reader.GetInt64(0) - 1]] = reader.GetInt32(1);
            }

            await reader.NextResultAsync();
        }

        if (inserts.Length > 0)
        {
            var inserted = new HashSet<StateKey>();
            while (await reader.ReadAsync())
            {
                inserted.Add(new StateKey(reader.GetString(0), reader.GetString(1)));
            }

            foreach (var i in inserts.Where(i => inserted.Contains(batch[i].Key)))
            {
                versions[i] = 1;
            }
        }

        if (fenced is null)
        {
            return versions;
        }

        LogFenced(_logger, batch.Count, _fence!, fenced);
        throw new InconsistentStateException(
            $"Silo {_fence} is {fenced} the membership table of its cluster: its writes are refused, since its grains may live on other silos now. The batch of {batch.Count} writes stored nothing.",
            null, null, null);
    }

    [LoggerMessage(1, LogLevel.Warning, "Refused a batch of {Count} writes: silo {Silo} is {Verdict} the membership table of its cluster")]
    private static partial void LogFenced(ILogger logger, int count, SiloFence silo, string verdict);

    private static void AddFence(NpgsqlBatchCommand command, SiloFence? fence)
    {
        command.Parameters.Add(new NpgsqlParameter<string?> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = fence?.ClusterId });
        command.Parameters.Add(new NpgsqlParameter<string?> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = fence?.Address });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = fence?.Port ?? 0 });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = fence?.Generation ?? 0 });
    }

    private void AddWrites(NpgsqlBatchCommand command, Write[] writes)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _serviceId });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. writes.Select(w => w.Key.StateName)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. writes.Select(w => w.Key.GrainId)] });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea, Value = writes.Select(w => w.Payload).ToArray() });
    }

    private async Task<Stored?[]> ReadBatchAsync(IReadOnlyList<StateKey> batch)
    {
        await using var command = _database.CreateCommand(ReadSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _serviceId });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. batch.Select(k => k.StateName)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. batch.Select(k => k.GrainId)] });

        var found = new Stored?[batch.Count];
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found[reader.GetInt64(0) - 1] = new Stored(reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1), reader.GetInt32(2));
        }

        return found;
    }

    /// <summary>The application name of the store's connections in <c>pg_stat_activity</c>, unless the connection string names one.</summary>
    public const string ApplicationName = "orleans-governance-state";

    /// <summary>
    /// Every statement here looks rows up by primary key. Given a batch of a thousand keys the
    /// planner would rather hash them and scan the whole table, which is hundreds of megabytes
    /// for a city (measured: that plan made the store 3 times slower); on these connections it may
    /// not. They carry a name of their own, so an operator can tell them from the providers'.
    /// </summary>
    private static string OwnConnections(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        settings.Options = $"{settings.Options} -c enable_hashjoin=off -c enable_mergejoin=off".Trim();
        settings.ApplicationName ??= ApplicationName;
        return settings.ConnectionString;
    }

    private static string? ETag(int? version) => version?.ToString(CultureInfo.InvariantCulture);

    private static int? Version(string? etag) =>
        etag is null ? null
        : int.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version
        : throw new InconsistentStateException($"ETag '{etag}' was not issued by the PostgreSQL grain storage.", null, etag, null);

    private readonly record struct StateKey(string StateName, string GrainId);

    /// <summary>A write or, with no payload, a clear; <see cref="Expected"/> null means "there is no row yet".</summary>
    private sealed record Write(StateKey Key, byte[]? Payload, int? Expected);

    private sealed record Stored(byte[]? Payload, int Version);
}

/// <summary>How the group-commit store batches (section "Governance:GroupCommit").</summary>
public sealed class PostgreSqlGrainStorageOptions
{
    /// <summary>The most writes (or reads) one statement carries.</summary>
    public int MaxBatchSize { get; set; } = 1024;

    /// <summary>
    /// Batches in flight at once, each on its own connection: while one waits for its commit,
    /// the next fills. Measured on 2 cores: 2 batches of up to 1,024 beat 4 of 256 by a quarter.
    /// </summary>
    public int ConcurrentBatches { get; set; } = 2;
}
