using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Durability.Tests.Support;
using Orleans.Governance.Grains;
using Orleans.Governance.Silo.Storage;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace Orleans.Governance.Durability.Tests;

/// <summary>The group-commit store against the real database: batching, and the ETag contract under concurrency.</summary>
[Collection(PostgreSqlCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class GroupCommitStorageTests(PostgreSqlFixture database, ITestOutputHelper output)
{
    private const int Grains = 2_000;

    [Fact]
    public async Task Writes_of_many_grains_arriving_together_share_commits_and_each_reads_back_its_own()
    {
        await using var cluster = await database.StartSiloAsync();
        var storage = Storage(cluster);
        var ids = Enumerable.Range(0, Grains).Select(i => GrainId.Create("gov-test", $"city-{i}")).ToArray();
        var (writesBefore, commitsBefore) = storage.WriteCounts;

        var states = await Task.WhenAll(ids.Select(async (id, i) =>
        {
            var state = new GrainState<CityState>(new CityState());
            await storage.ReadStateAsync("city", id, state);
            state.State!.Units = i;
            await storage.WriteStateAsync("city", id, state);
            state.State!.Root = new UnitRef($"root-{i}", Level.City);
            await storage.WriteStateAsync("city", id, state);
            return state;
        }));
        var (writesAfter, commitsAfter) = storage.WriteCounts;
        var reread = await Task.WhenAll(ids.Select(async id =>
        {
            var state = new GrainState<CityState>(new CityState());
            await storage.ReadStateAsync("city", id, state);
            return state;
        }));

        var writes = writesAfter - writesBefore;
        var commits = commitsAfter - commitsBefore;
        Assert.Equal(2 * Grains, writes);
        Assert.True(commits < writes / 2, $"{writes} writes took {commits} commits: they were not grouped");
        Assert.All(states, s => Assert.Equal("2", s.ETag));
        Assert.Equal(Enumerable.Range(0, Grains), reread.Select(s => s.State!.Units));
        Assert.Equal(Enumerable.Range(0, Grains).Select(i => $"root-{i}"), reread.Select(s => s.State!.Root?.Id));
        Assert.All(reread, s => Assert.True(s.RecordExists && s.ETag == "2"));
        Assert.Equal(Grains, await database.ScalarAsync($"SELECT count(*) FROM governance_grain_state WHERE service_id = '{cluster.Options.ServiceId}' AND state_name = 'city'"));
        output.WriteLine($"{writes} writes of {Grains} grains committed by {commits} commits; {Grains} read back with version 2");
    }

    [Fact]
    public async Task A_row_the_database_refuses_fails_alone_and_the_writes_batched_with_it_are_stored_once()
    {
        await using var cluster = await database.StartSiloAsync();
        var storage = Storage(cluster);
        // Beyond the largest key a B-tree index row can hold (about 2.7 kB, after compression, so
        // random): PostgreSQL refuses the statement.
        var poisoned = GrainId.Create("gov-test", $"city-{string.Concat(Enumerable.Range(0, 400).Select(_ => Guid.NewGuid().ToString("N")))}");
        var ids = Enumerable.Range(0, 400).Select(i => GrainId.Create("gov-test", $"batched-{Guid.NewGuid():N}")).ToArray();
        var (_, commitsBefore) = storage.WriteCounts;

        var writes = ids.Select(async id =>
        {
            var state = new GrainState<CityState>(new CityState { Units = 7 });
            await storage.WriteStateAsync("city", id, state);
            state.State!.Units = 8;
            await storage.WriteStateAsync("city", id, state);
            return state.ETag;
        }).ToArray();
        var refused = Assert.ThrowsAsync<PostgresException>(() => storage.WriteStateAsync("city", poisoned, new GrainState<CityState>(new CityState())));

        Assert.All(await Task.WhenAll(writes), etag => Assert.Equal("2", etag));
        Assert.Equal("54000", (await refused).SqlState);
        var stored = await database.ScalarAsync(
            $"SELECT count(*) FROM governance_grain_state WHERE service_id = '{cluster.Options.ServiceId}' AND state_name = 'city' AND grain_id LIKE 'gov-test/batched-%' AND version = 2");
        Assert.Equal(ids.Length, stored);
        output.WriteLine($"{2 * ids.Length} writes and one refused row: {storage.WriteCounts.Commits - commitsBefore} runs, every good write stored at version 2");
    }

    [Fact]
    public async Task Of_two_activations_writing_the_same_version_at_once_exactly_one_wins()
    {
        await using var cluster = await database.StartSiloAsync();
        var storage = Storage(cluster);
        var rounds = 50;
        var winners = 0;
        for (var round = 0; round < rounds; round++)
        {
            var id = GrainId.Create("gov-test", $"contested-{round}");
            var (first, second) = (new GrainState<CityState>(new CityState { Units = 1 }), new GrainState<CityState>(new CityState { Units = 2 }));
            if (round % 2 == 1)
            {
                // Half the rounds contest an update instead of the first insert.
                await storage.WriteStateAsync("city", id, first);
                second.ETag = first.ETag;
            }

            var outcomes = await Task.WhenAll(new[] { first, second }.Select(async state =>
            {
                try
                {
                    await storage.WriteStateAsync("city", id, state);
                    return state.State!.Units;
                }
                catch (InconsistentStateException)
                {
                    return 0;
                }
            }));
            var stored = new GrainState<CityState>(new CityState());
            await storage.ReadStateAsync("city", id, stored);

            var winner = Assert.Single(outcomes, o => o != 0);
            Assert.Equal(winner, stored.State!.Units);
            winners++;
        }

        Assert.Equal(rounds, winners);
        output.WriteLine($"{rounds} contests (inserts and updates), one winner each, and the store holds the winner's state");
    }

    [Fact]
    public async Task A_cleared_state_reads_as_absent_keeps_its_version_line_and_an_etag_not_issued_here_is_refused()
    {
        await using var cluster = await database.StartSiloAsync();
        var storage = Storage(cluster);
        var id = GrainId.Create("gov-test", Guid.NewGuid().ToString("N"));
        var state = new GrainState<CityState>(new CityState { Units = 7 });

        await storage.WriteStateAsync("city", id, state);
        await storage.ClearStateAsync("city", id, state);
        var afterClear = new GrainState<CityState>(new CityState());
        await storage.ReadStateAsync("city", id, afterClear);
        var foreign = new GrainState<CityState>(new CityState()) { ETag = "W/\"0x8D\"" };

        Assert.Equal(("2", false, 0), (state.ETag, state.RecordExists, state.State!.Units));
        Assert.Equal(("2", false, 0), (afterClear.ETag, afterClear.RecordExists, afterClear.State!.Units));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("city", id, foreign));
        await storage.WriteStateAsync("city", id, afterClear);
        Assert.Equal("3", afterClear.ETag);
    }

    [Fact]
    public async Task When_the_server_closes_the_stores_connections_one_write_fails_and_the_next_is_stored()
    {
        await using var cluster = await database.StartSiloAsync();
        var storage = Storage(cluster);
        var states = Enumerable.Range(0, 500).Select(i => (Id: GrainId.Create("gov-test", $"survivor-{i}"), State: new GrainState<CityState>(new CityState { Units = i }))).ToArray();
        // Reads and writes run on connections of their own: afterwards at least two are idle in the pool.
        await Task.WhenAll(states.Select(s => storage.WriteStateAsync("city", s.Id, s.State))
            .Concat(states.Select(s => storage.ReadStateAsync("city", s.Id, new GrainState<CityState>(new CityState())))));

        var killed = await database.ScalarAsync($"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name = '{PostgreSqlGrainStorage.ApplicationName}'");
        var failures = 0;
        foreach (var (id, state) in states.Take(5))
        {
            try
            {
                await storage.WriteStateAsync("city", id, state);
            }
            catch (NpgsqlException)
            {
                failures++;
            }
        }

        var reread = await Task.WhenAll(states.Skip(1).Take(4).Select(async s =>
        {
            var stored = new GrainState<CityState>(new CityState());
            await storage.ReadStateAsync("city", s.Id, stored);
            return stored.ETag;
        }));

        Assert.True(killed >= 2, $"only {killed} connection(s) were open: nothing to show");
        Assert.All(reread, etag => Assert.Equal("2", etag));
        Assert.True(failures == 1, $"{failures} of 5 writes failed after {killed} connections were closed; one should");
        output.WriteLine($"{killed} connections closed by the server; {failures} of 5 writes failed after it");
    }

    [Fact]
    public async Task A_silo_the_membership_table_declares_dead_writes_nothing_and_is_told_why()
    {
        await using var cluster = await database.StartSiloAsync();
        var silo = new SiloFence($"fence-{Guid.NewGuid():N}"[..20], "10.0.0.7", 11111, 42);
        await using var store = FencedStorage(cluster, silo);
        await JoinAsync(silo);
        var id = GrainId.Create("gov-test", "fenced-1");
        var state = new GrainState<CityState>(new CityState { Units = 1 });
        await store.WriteStateAsync("city", id, state);

        await SetStatusAsync(silo, SiloStatus.Dead);
        state.State!.Units = 2;
        var refused = await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteStateAsync("city", id, state));
        var fresh = new GrainState<CityState>(new CityState { Units = 3 });
        var refusedFirst = await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteStateAsync("city", GrainId.Create("gov-test", "fenced-2"), fresh));

        var stored = new GrainState<CityState>(new CityState());
        await store.ReadStateAsync("city", id, stored);
        Assert.Contains($"Silo {silo} is declared dead in the membership table", refused.Message, StringComparison.Ordinal);
        Assert.Contains("declared dead", refusedFirst.Message, StringComparison.Ordinal);
        Assert.Equal((1, "1"), (stored.State!.Units, stored.ETag));
        Assert.Equal(0, await database.ScalarAsync($"SELECT count(*) FROM governance_grain_state WHERE grain_id = '{GrainId.Create("gov-test", "fenced-2")}'"));
        output.WriteLine(refused.Message);
    }

    [Fact]
    public async Task A_batch_waits_for_a_vote_under_way_on_its_silo_and_is_refused_when_the_vote_says_dead()
    {
        await using var cluster = await database.StartSiloAsync();
        var silo = new SiloFence($"fence-{Guid.NewGuid():N}"[..20], "10.0.0.8", 11111, 43);
        await using var store = FencedStorage(cluster, silo);
        await JoinAsync(silo);

        var id = GrainId.Create("gov-test", "fenced-vote");
        await store.WriteStateAsync("city", id, new GrainState<CityState>(new CityState { Units = 1 }));

        // The others' vote, not yet committed, holds the silo's row: a batch waits for it, then reads Dead.
        await using var voter = new NpgsqlConnection(database.ConnectionString);
        await voter.OpenAsync();
        await using (var vote = new NpgsqlCommand("BEGIN; " + StatusSql(silo, SiloStatus.Dead), voter))
        {
            await vote.ExecuteNonQueryAsync();
        }

        var state = new GrainState<CityState>(new CityState { Units = 2 }) { ETag = "1" };
        var write = store.WriteStateAsync("city", id, state);
        var waited = await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(1))) != write;
        await using (var commit = new NpgsqlCommand("COMMIT", voter))
        {
            await commit.ExecuteNonQueryAsync();
        }

        var refused = await Assert.ThrowsAsync<InconsistentStateException>(() => write);
        Assert.True(waited, "the batch did not wait for the vote that held the silo's membership row");
        Assert.Contains("declared dead", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, await database.ScalarAsync($"SELECT version FROM governance_grain_state WHERE grain_id = '{id}'"));
    }

    [Fact]
    public async Task A_silo_missing_from_the_membership_table_writes_nothing()
    {
        await using var cluster = await database.StartSiloAsync();
        await using var store = FencedStorage(cluster, new SiloFence($"fence-{Guid.NewGuid():N}"[..20], "10.0.0.9", 11111, 44));
        var refused = await Assert.ThrowsAsync<InconsistentStateException>(() =>
            store.WriteStateAsync("city", GrainId.Create("gov-test", "unknown-silo"), new GrainState<CityState>(new CityState())));
        Assert.Contains("is not in the membership table", refused.Message, StringComparison.Ordinal);
    }

    private PostgreSqlGrainStorage FencedStorage(InProcessTestCluster cluster, SiloFence silo)
    {
        var services = cluster.GetSiloServiceProvider();
        return new PostgreSqlGrainStorage(database.ConnectionString, cluster.Options.ServiceId,
            new OrleansGrainStorageSerializer(services.GetRequiredService<Orleans.Serialization.Serializer>()),
            services.GetRequiredService<IActivatorProvider>(), new PostgreSqlGrainStorageOptions(),
            services.GetRequiredService<ILogger<PostgreSqlGrainStorage>>(), silo);
    }

    private async Task JoinAsync(SiloFence silo)
    {
        await database.ScalarAsync($"INSERT INTO orleans_membership_version (cluster_id) VALUES ('{silo.ClusterId}') RETURNING 0");
        await database.ScalarAsync($"""
            INSERT INTO orleans_membership (cluster_id, address, port, generation, silo_name, host_name, status, start_time, i_am_alive_time)
            VALUES ('{silo.ClusterId}', '{silo.Address}', {silo.Port}, {silo.Generation}, 'fenced', 'test', {(int)SiloStatus.Active}, now(), now()) RETURNING 0
            """);
    }

    private Task SetStatusAsync(SiloFence silo, SiloStatus status) => database.ScalarAsync(StatusSql(silo, status) + " RETURNING 0");

    private static string StatusSql(SiloFence silo, SiloStatus status) =>
        $"UPDATE orleans_membership SET status = {(int)status} WHERE cluster_id = '{silo.ClusterId}' AND address = '{silo.Address}' AND port = {silo.Port} AND generation = {silo.Generation}";

    private static PostgreSqlGrainStorage Storage(InProcessTestCluster cluster) =>
        Assert.IsType<PostgreSqlGrainStorage>(cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Governance));
}
