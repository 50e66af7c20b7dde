using Orleans.Governance.Durability.Tests.Support;
using Xunit.Abstractions;

namespace Orleans.Governance.Durability.Tests;

/// <summary>Silos in their own processes on PostgreSQL, under load, while a silo or the database dies.</summary>
[Collection(PostgreSqlCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class FailureTests(PostgreSqlFixture database, ITestOutputHelper output)
{
    private const int Lifecycles = 1_200;
    private const int Concurrency = 40;

    [Fact]
    public async Task Killing_one_of_three_silos_under_load_loses_and_duplicates_no_acknowledged_case()
    {
        var clusterId = $"kill-{Guid.NewGuid():N}"[..16];
        var cityFile = Cities.WriteRoomy(clusterId);
        var silos = new List<SiloProcess>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                silos.Add(await PostgreSqlSilo.StartAsync(database.ConnectionString, clusterId, i, cityFile));
            }

            using var client = await ClusterClient.StartAsync(database.ConnectionString, clusterId);
            var driver = new LoadDriver(client.Client(), CityFigures.Grids(cityFile), clusterId);
            var killed = 0;
            await driver.RunAsync(Lifecycles, Concurrency, acknowledged =>
            {
                if (acknowledged >= Lifecycles / 3 && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    silos[1].Kill();
                    output.WriteLine($"killed silo {silos[1].SiloPort} with SIGKILL after {acknowledged} acknowledged registrations");
                }

                return Task.CompletedTask;
            });

            var audit = await CaseAudit.CheckAsync(client.Client(), driver.Acknowledged.ToList());
            output.WriteLine($"{audit} after {driver.Retries} retried calls");
            Assert.Equal(1, killed);
            Assert.Equal(new CaseAudit(Lifecycles, Lifecycles, 0, 0, 0, Lifecycles), audit);
            await CityFigures.AssertEachCaseCountedOnceAsync(client.Client(), cityFile, Lifecycles, output);
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Restarting_the_database_under_load_loses_no_acknowledged_case_and_the_cluster_recovers()
    {
        var clusterId = $"pgre-{Guid.NewGuid():N}"[..16];
        var cityFile = Cities.WriteRoomy(clusterId);
        await using var silo = await PostgreSqlSilo.StartAsync(database.ConnectionString, clusterId, 5, cityFile);
        using var client = await ClusterClient.StartAsync(database.ConnectionString, clusterId);
        var driver = new LoadDriver(client.Client(), CityFigures.Grids(cityFile), clusterId);
        var restart = Task.CompletedTask;
        var restarted = 0;

        await driver.RunAsync(Lifecycles, Concurrency, acknowledged =>
        {
            if (acknowledged >= Lifecycles / 3 && Interlocked.Exchange(ref restarted, 1) == 0)
            {
                output.WriteLine($"restarting PostgreSQL after {acknowledged} acknowledged registrations");
                restart = database.RestartServerAsync();
            }

            return Task.CompletedTask;
        });
        await restart;

        var audit = await CaseAudit.CheckAsync(client.Client(), driver.Acknowledged.ToList());
        output.WriteLine($"{audit} after {driver.Retries} retried calls");
        Assert.Equal(1, restarted);
        Assert.Equal(new CaseAudit(Lifecycles, Lifecycles, 0, 0, 0, Lifecycles), audit);
        await CityFigures.AssertEachCaseCountedOnceAsync(client.Client(), cityFile, Lifecycles, output);
    }
}
