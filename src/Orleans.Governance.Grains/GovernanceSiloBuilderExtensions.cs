using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Governance.Abstractions;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.Governance.Grains;

/// <summary>Registers what the governance grains need in a silo.</summary>
public static class GovernanceSiloBuilderExtensions
{
    /// <summary>The grains' clock: the system clock unless a test or the simulator registered another.</summary>
    public static ISiloBuilder AddGovernance(this ISiloBuilder silo)
    {
        silo.Services.TryAddSingleton(TimeProvider.System);
        return silo;
    }

    /// <summary>
    /// The embedded default's storage: in memory, but written through Orleans' own binary
    /// serializer (the state types' [Id] attributes are their stored contract) rather than the
    /// JSON default, which costs more than the rest of a case transition put together.
    /// </summary>
    public static ISiloBuilder AddGovernanceMemoryStorage(this ISiloBuilder silo) =>
        silo.AddMemoryGrainStorage(StorageNames.Governance, options => options
            .Configure<Serializer>((o, serializer) =>
            {
                o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
                o.NumStorageGrains = 64;
            }));
}
