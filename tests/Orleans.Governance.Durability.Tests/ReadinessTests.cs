using Npgsql;
using Orleans.Governance.Durability.Tests.Support;
using Orleans.Governance.Silo.Hosting;

namespace Orleans.Governance.Durability.Tests;

/// <summary>What stops a silo before it starts: one sentence naming the problem, against the real server.</summary>
[Collection(PostgreSqlCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class ReadinessTests(PostgreSqlFixture database)
{
    [Fact]
    public async Task A_database_with_the_current_schema_is_ready()
    {
        Assert.Null(await PostgreSqlReadiness.ProblemAsync(database.ConnectionString));
    }

    [Fact]
    public async Task A_database_without_the_schema_is_refused_with_the_fix()
    {
        await WithDatabaseAsync(async (name, connectionString) =>
            Assert.Equal(
                $"database postgres@127.0.0.1:{PostgreSqlFixture.Port}/{name} does not have the Orleans.Governance schema: apply it with deploy/postgres/apply-schema.sh",
                await PostgreSqlReadiness.ProblemAsync(connectionString)));
    }

    [Fact]
    public async Task A_database_on_an_older_schema_is_refused_until_apply_schema_upgrades_it()
    {
        var onlyTheFirst = Directory.CreateTempSubdirectory("gov-sql-");
        File.Copy(Repository.Script("deploy/sql/001_orleans_schema.sql"), Path.Combine(onlyTheFirst.FullName, "001_orleans_schema.sql"));
        await WithDatabaseAsync(async (name, connectionString) =>
        {
            var server = new Dictionary<string, string> { ["PGPORT"] = $"{PostgreSqlFixture.Port}", ["PGDATABASE"] = name };
            await Shell.RunAsync(Repository.Script("deploy/postgres/apply-schema.sh"), new Dictionary<string, string>(server) { ["GOV_SQL_DIR"] = onlyTheFirst.FullName });
            var before = await PostgreSqlReadiness.ProblemAsync(connectionString);
            var upgrade = await Shell.RunAsync(Repository.Script("deploy/postgres/apply-schema.sh"), server);

            Assert.Equal(
                $"database postgres@127.0.0.1:{PostgreSqlFixture.Port}/{name} does not have the Orleans.Governance schema (version 1, need {PostgreSqlReadiness.RequiredSchemaVersion}): apply it with deploy/postgres/apply-schema.sh",
                before);
            Assert.Contains("applied 002_", upgrade);
            Assert.Null(await PostgreSqlReadiness.ProblemAsync(connectionString));
        });
        onlyTheFirst.Delete(recursive: true);
    }

    [Fact]
    public async Task A_missing_database_and_a_server_that_does_not_answer_are_named()
    {
        var missing = await PostgreSqlReadiness.ProblemAsync(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "gov_no_such_db" }.ConnectionString);
        var unreachable = await PostgreSqlReadiness.ProblemAsync("Host=127.0.0.1;Port=1;Username=postgres;Database=governance;Timeout=2");

        Assert.Equal($"database postgres@127.0.0.1:{PostgreSqlFixture.Port}/gov_no_such_db does not exist: create it and apply deploy/postgres/apply-schema.sh", missing);
        Assert.StartsWith("cannot reach PostgreSQL at 127.0.0.1:1 (", unreachable);
    }

    [Fact]
    public void Bad_state_store_settings_are_named()
    {
        var options = new GovernanceHostOptions { Cluster = ClusterMode.PostgreSql, ConnectionString = database.ConnectionString, CityFile = "", StateStore = (GrainStateStore)7 };
        options.GroupCommit.MaxBatchSize = 0;

        Assert.Equal(
            ["Governance:StateStore must be GroupCommit or AdoNet, got 7",
             $"Governance:GroupCommit:MaxBatchSize and Governance:GroupCommit:ConcurrentBatches must be at least 1, got 0 and {options.GroupCommit.ConcurrentBatches}"],
            options.Validate());
    }

    private async Task WithDatabaseAsync(Func<string, string, Task> test)
    {
        var name = $"gov_empty_{Guid.NewGuid():N}"[..24];
        await AdminAsync($"CREATE DATABASE {name}");
        try
        {
            await test(name, new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = name }.ConnectionString);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();
    }
}
