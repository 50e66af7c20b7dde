using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Governance.Durability.Tests.Support;
using Orleans.Governance.Grains;
using Orleans.Governance.Silo.Hosting;
using Orleans.Runtime;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace Orleans.Governance.Durability.Tests;

/// <summary>
/// The membership and reminder queries of our schema that a healthy cluster rarely or never runs
/// (reading one row, cleaning up defunct silos, deleting a cluster, clearing reminders), called
/// through Orleans' own ADO.NET tables against the real database.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class ProviderContractTests(PostgreSqlFixture database, ITestOutputHelper output)
{
    [Fact]
    public async Task The_membership_table_reads_inserts_updates_cleans_up_and_deletes()
    {
        await using var cluster = await StartAsync();
        var table = cluster.GetSiloServiceProvider().GetRequiredService<IMembershipTable>();
        var clusterId = cluster.Options.ClusterId;

        var all = await table.ReadAllAsync();
        var own = Assert.Single(all.Members, m => m.Item1.Status == SiloStatus.Active).Item1;
        var ownRow = await table.ReadRowAsync(own.SiloAddress);
        var defunct = new MembershipEntry
        {
            SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 1), 42),
            Status = SiloStatus.Joining,
            HostName = "defunct",
            SiloName = "defunct",
            StartTime = DateTime.UtcNow.AddDays(-2),
            IAmAliveTime = DateTime.UtcNow.AddDays(-2),
            SuspectTimes = [],
        };
        var inserted = await table.InsertRowAsync(defunct, all.Version.Next());
        var afterInsert = await table.ReadRowAsync(defunct.SiloAddress);
        var (entry, etag) = afterInsert.Members.Single();
        entry.Status = SiloStatus.Dead;
        var updated = await table.UpdateRowAsync(entry, etag, afterInsert.Version.Next());
        var stale = await table.UpdateRowAsync(entry, etag, afterInsert.Version.Next());
        await table.UpdateIAmAliveAsync(own);
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddDays(-1));
        var afterCleanup = await table.ReadAllAsync();
        await table.DeleteMembershipTableEntriesAsync(clusterId);
        var afterDelete = await database.ScalarAsync($"SELECT count(*) FROM orleans_membership WHERE cluster_id = '{clusterId}'");

        Assert.Single(ownRow.Members);
        Assert.True(inserted);
        Assert.True(updated);
        Assert.False(stale);
        Assert.DoesNotContain(afterCleanup.Members, m => m.Item1.SiloAddress.Equals(defunct.SiloAddress));
        Assert.Contains(afterCleanup.Members, m => m.Item1.SiloAddress.Equals(own.SiloAddress));
        Assert.Equal(0, afterDelete);
        output.WriteLine($"membership: {all.Members.Count} row(s) read, defunct silo inserted, marked dead, cleaned up; cluster {clusterId} deleted");
    }

    [Fact]
    public async Task The_reminder_table_upserts_reads_by_grain_and_range_removes_and_clears()
    {
        await using var cluster = await StartAsync();
        var table = cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();
        var grain = GrainId.Create("gov-test", Guid.NewGuid().ToString("N"));
        var reminder = new ReminderEntry { GrainId = grain, ReminderName = "deadline-watch", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(10) };

        var etag = await table.UpsertRow(reminder);
        var one = await table.ReadRow(grain, "deadline-watch");
        var byGrain = await table.ReadRows(grain);
        var hash = grain.GetUniformHashCode();
        var byRange = await table.ReadRows(hash - 1, hash);
        var removedWithStaleTag = await table.RemoveRow(grain, "deadline-watch", "999999");
        var removed = await table.RemoveRow(grain, "deadline-watch", etag ?? "");
        await table.UpsertRow(reminder);
        await table.TestOnlyClearTable();
        var afterClear = await table.ReadRows(0, uint.MaxValue);

        Assert.NotNull(etag);
        Assert.Equal(TimeSpan.FromMinutes(10), one?.Period);
        Assert.Single(byGrain.Reminders);
        Assert.Contains(byRange.Reminders, r => r.GrainId == grain);
        Assert.False(removedWithStaleTag);
        Assert.True(removed);
        Assert.Empty(afterClear.Reminders);
    }

    private async Task<InProcessTestCluster> StartAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ClusterId = $"contract-{Guid.NewGuid():N}"[..20];
        builder.ConfigureSilo((_, silo) => silo
            .UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = database.ConnectionString;
            })
            .AddGovernance()
            .AddGovernancePostgreSqlStorage(database.ConnectionString));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
