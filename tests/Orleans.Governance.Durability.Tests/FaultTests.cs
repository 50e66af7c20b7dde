using Orleans.Governance.Durability.Tests.Support;
using Orleans.Governance.Tests.Shared;
using Xunit.Abstractions;

namespace Orleans.Governance.Durability.Tests;

/// <summary>
/// The fault suite of issue #16: silos in their own processes on a PostgreSQL of each test's own,
/// run with a deployment's durability settings (fsync and synchronous_commit on), under a load of
/// whole case lifecycles while the database crashes, slows down or runs out of disk, a silo is cut
/// off or the silos' clocks disagree. Each test prints one line: load held, faults injected,
/// acknowledged cases checked, lost, duplicated (deploy/soak.sh runs them longer and tabulates).
/// </summary>
[Collection(PostgreSqlCollection.Name)]
[Trait("Category", "PostgreSQL")]
[Trait("Category", "Fault")]
public sealed class FaultTests(ITestOutputHelper output)
{
    private const int Concurrency = 40;

    [Fact]
    public async Task Killing_PostgreSQL_with_SIGKILL_under_load_with_fsync_on_loses_and_duplicates_no_acknowledged_case()
    {
        var lifecycles = FaultReport.Lifecycles(300);
        await using var database = await OwnPostgreSql.StartAsync("kill9");
        var clusterId = $"k9-{Guid.NewGuid():N}"[..16];
        var cityFile = Cities.WriteRoomy(clusterId);
        await using var silo0 = await PostgreSqlSilo.StartAsync(database.ConnectionString, clusterId, 10, cityFile);
        await using var silo1 = await PostgreSqlSilo.StartAsync(database.ConnectionString, clusterId, 11, cityFile);
        using var client = await ClusterClient.StartAsync(database.ConnectionString, clusterId);
        var driver = new LoadDriver(client.Client(), CityFigures.Grids(cityFile), clusterId);

        // Two crashes, at a third and at two thirds of the registrations; each is followed by a
        // restart two seconds later, which is PostgreSQL's crash recovery (WAL replay).
        var crashes = new List<Task>();
        var injected = 0;
        await driver.RunAsync(lifecycles, Concurrency, acknowledged =>
        {
            var seen = Volatile.Read(ref injected);
            if (seen < 2 && acknowledged >= (seen + 1) * lifecycles / 3 && Interlocked.CompareExchange(ref injected, seen + 1, seen) == seen)
            {
                output.WriteLine($"SIGKILL to the postmaster and its backends after {acknowledged} acknowledged registrations");
                lock (crashes)
                {
                    crashes.Add(CrashAndRecoverAsync(database));
                }
            }

            return Task.CompletedTask;
        });
        await Task.WhenAll(crashes);

        var audit = await CaseAudit.CheckAsync(client.Client(), driver.Acknowledged.ToList());
        var recoveries = CountOf(database.LogText(), "database system was interrupted");
        FaultReport.From("PostgreSQL kill -9, fsync on", driver, lifecycles, injected, audit, $"{recoveries} crash recoveries, {driver.Retries} retried calls").Publish(output);
        Assert.Equal(2, injected);
        Assert.Equal(2, recoveries);
        Assert.Equal(new CaseAudit(lifecycles, lifecycles, 0, 0, 0, lifecycles), audit);
        await CityFigures.AssertEachCaseCountedOnceAsync(client.Client(), cityFile, lifecycles, output);
    }

    private static async Task CrashAndRecoverAsync(OwnPostgreSql database)
    {
        await database.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await database.StartServerAsync();
    }

    private static int CountOf(string text, string phrase)
    {
        var count = 0;
        for (var i = text.IndexOf(phrase, StringComparison.Ordinal); i >= 0; i = text.IndexOf(phrase, i + phrase.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
