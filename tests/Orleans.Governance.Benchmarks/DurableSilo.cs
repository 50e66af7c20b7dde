using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Silo.Hosting;
using Orleans.Governance.Silo.Storage;
using Orleans.Storage;

namespace Orleans.Governance.Benchmarks;

/// <summary>A silo on PostgreSQL with one of the state stores, under a service id of its own that is deleted afterwards.</summary>
public sealed class DurableSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _connectionString;
    private readonly string _serviceId;

    private DurableSilo(GrainStateStore store, IHost host, string connectionString, string serviceId, UnitProfile[] grids)
    {
        (Store, _host, _connectionString, _serviceId) = (store, host, connectionString, serviceId);
        Bench = new Benchmark(host.Services.GetRequiredService<IGrainFactory>(), grids, new CallCounter());
    }

    public GrainStateStore Store { get; }

    public Benchmark Bench { get; }

    public List<double> Rounds { get; } = [];

    /// <summary>How many grain writes one commit carried, on average (1 for Orleans' provider).</summary>
    public double WritesPerCommit =>
        _host.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Governance) is PostgreSqlGrainStorage store && store.WriteCounts is var (writes, commits) && commits > 0
            ? (double)writes / commits
            : 1;

    public static async Task<DurableSilo> StartAsync(GrainStateStore store, string connectionString, int siloPort, CityDefinition city, UnitProfile[] grids)
    {
        var serviceId = $"bench-{Guid.NewGuid():N}";
        var host = await Benchmark.StartSiloAsync(silo => silo
            .UseLocalhostClustering(siloPort: siloPort, gatewayPort: siloPort + 20_000, serviceId: serviceId, clusterId: $"bench-{store}")
            .AddGovernancePostgreSqlStorage(connectionString, store));
        await host.Services.GetRequiredService<IGrainFactory>().GetGrain<ICityGrain>(city.Id).LoadAsync(city);
        return new DurableSilo(store, host, connectionString, serviceId, grids);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        foreach (var table in new[] { "governance_grain_state", "orleans_grain_state", "orleans_reminder" })
        {
            await using var delete = new NpgsqlCommand($"DELETE FROM {table} WHERE service_id = $1", connection) { Parameters = { new() { Value = _serviceId } } };
            await delete.ExecuteNonQueryAsync();
        }
    }
}
