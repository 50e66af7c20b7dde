using Npgsql;
using Orleans.Governance.Grains;
using Orleans.Governance.Silo.Hosting;
using Orleans.TestingHost;

namespace Orleans.Governance.Durability.Tests.Support;

/// <summary>
/// A PostgreSQL of the tests' own (started by deploy/postgres/start-dev.sh in fast mode, with its
/// own port and data folder per clone) and a fresh database of our schema for this test run,
/// applied by deploy/postgres/apply-schema.sh.
/// </summary>
public sealed class PostgreSqlFixture : IAsyncLifetime
{
    /// <summary>
    /// The tests' own server for this clone: GOV_PG_PORT when set, otherwise a port derived from
    /// the clone's path, so that two clones (or a developer's running database) never share one.
    /// Below Linux's ephemeral range (32768 and up): the API tests running beside these open
    /// hundreds of connections, and one of their local ports once took the server's.
    /// </summary>
    public static int Port { get; } = int.TryParse(Environment.GetEnvironmentVariable("GOV_PG_PORT"), out var port)
        ? port
        : 26_000 + (int)(StableHash(Repository.Root) % 1_000);

    private static readonly Dictionary<string, string> s_server = new()
    {
        ["GOV_PG_PORT"] = $"{Port}",
        ["PGPORT"] = $"{Port}",
        ["GOV_PG_DATA"] = Environment.GetEnvironmentVariable("GOV_PG_DATA") ?? Path.Combine("/tmp", $"orleans-governance-tests-{StableHash(Repository.Root):x8}"),
    };

    private static readonly Dictionary<string, string> s_fastServer = new(s_server) { ["GOV_PG_FAST"] = "1" };

    public string Database { get; } = $"gov_test_{Guid.NewGuid():N}"[..24];

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={Database};Maximum Pool Size=40;Timeout=5";

    public async Task InitializeAsync()
    {
        await Shell.RunAsync(Repository.Script("deploy/postgres/start-dev.sh"), s_fastServer);
        await using (var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres"))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {Database}", connection).ExecuteNonQueryAsync();
        }

        await Shell.RunAsync(Repository.Script("deploy/postgres/apply-schema.sh"), new Dictionary<string, string>(s_server) { ["PGDATABASE"] = Database });
    }

    /// <summary>One in-process silo of the governance grains on this database, under the given service (a fresh one by default).</summary>
    public async Task<InProcessTestCluster> StartSiloAsync(string? serviceId = null, GrainStateStore store = GrainStateStore.GroupCommit)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = serviceId ?? $"svc-{Guid.NewGuid():N}";
        builder.ConfigureSilo((_, silo) => silo.AddGovernance().AddGovernancePostgreSqlStorage(ConnectionString, store));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>Stops and starts the server, as an operator or a crash would.</summary>
    public async Task RestartServerAsync()
    {
        await Shell.RunAsync(Repository.Script("deploy/postgres/stop-dev.sh"), s_server);
        await Shell.RunAsync(Repository.Script("deploy/postgres/start-dev.sh"), s_fastServer);

        // Npgsql's pools are per process and never test an idle connection before handing it
        // out: the in-process silos of later tests would each trip once over a connection the
        // restart killed (57P01). The silos under test here run in processes of their own.
        NpgsqlConnection.ClearAllPools();
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return Convert.ToInt64(await new NpgsqlCommand(sql, connection).ExecuteScalarAsync());
    }

    private static uint StableHash(string text) => text.Aggregate(2166136261u, (hash, c) => (hash ^ c) * 16777619u);

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres");
        await connection.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS {Database} WITH (FORCE)", connection).ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlFixture>
{
    public const string Name = "postgresql";
}
