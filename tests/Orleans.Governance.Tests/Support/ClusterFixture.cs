using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Grains;
using Orleans.Governance.Grains.Storage;
using Orleans.Runtime.Hosting;
using Orleans.TestingHost;

namespace Orleans.Governance.Tests.Support;

/// <summary>One in-process silo on the embedded providers (storage faults injectable), its grains on a fake clock.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public ClusterFixture()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            // The embedded storage, through a switch that can make one grain's write fail.
            silo.Services.AddGrainStorage(StorageNames.Governance, (services, _) => Faults.Around(ActivatorUtilities.CreateInstance<InProcessGrainStorage>(services)));
            silo.AddGovernance();
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            silo.AddIncomingGrainCallFilter(Calls);
        });
        Cluster = builder.Build();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.FromHours(8)));

    public CallBarrier Calls { get; } = new();

    public StorageFaults Faults { get; } = new();

    public InProcessTestCluster Cluster { get; }

    public IClusterClient Client => Cluster.Client;

    public async Task<CityPlan> LoadAsync(CityDefinition city)
    {
        await Client.GetGrain<ICityGrain>(city.Id).LoadAsync(city);
        return CityPlan.From(city, city.Id);
    }

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
