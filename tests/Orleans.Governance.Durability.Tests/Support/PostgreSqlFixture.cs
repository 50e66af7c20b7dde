using Npgsql;

namespace Orleans.Governance.Durability.Tests.Support;

/// <summary>
/// The development PostgreSQL (started by deploy/postgres/start-dev.sh, fast mode) with a fresh
/// database of our schema for this test run, applied by deploy/postgres/apply-schema.sh.
/// </summary>
public sealed class PostgreSqlFixture : IAsyncLifetime
{
    public static readonly Dictionary<string, string> Fast = new() { ["GOV_PG_FAST"] = "1" };

    public string Database { get; } = $"gov_test_{Guid.NewGuid():N}"[..24];

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={Database};Maximum Pool Size=40;Timeout=5";

    public static int Port => int.TryParse(Environment.GetEnvironmentVariable("GOV_PG_PORT"), out var port) ? port : 54329;

    public async Task InitializeAsync()
    {
        await Shell.RunAsync(Repository.Script("deploy/postgres/start-dev.sh"), Fast);
        await using (var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres"))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {Database}", connection).ExecuteNonQueryAsync();
        }

        await Shell.RunAsync(Repository.Script("deploy/postgres/apply-schema.sh"), new Dictionary<string, string> { ["PGDATABASE"] = Database });
    }

    /// <summary>Stops and starts the server, as an operator or a crash would.</summary>
    public async Task RestartServerAsync()
    {
        await Shell.RunAsync(Repository.Script("deploy/postgres/stop-dev.sh"));
        await Shell.RunAsync(Repository.Script("deploy/postgres/start-dev.sh"), Fast);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return Convert.ToInt64(await new NpgsqlCommand(sql, connection).ExecuteScalarAsync());
    }

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
