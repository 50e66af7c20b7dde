using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Grains.Storage;
using Orleans.Runtime.Hosting;

namespace Orleans.Governance.Grains;

/// <summary>Registers what the governance grains need in a silo.</summary>
public static class GovernanceSiloBuilderExtensions
{
    /// <summary>
    /// The key of the grains' own clock: the silo's TimeProvider unless the host registered
    /// another under this key (a fault test's skewed clock, which Orleans' runtime must not read:
    /// its watchdog and membership declared a silo with a shifted TimeProvider dead at start).
    /// </summary>
    public const string ClockKey = "governance-clock";

    /// <summary>
    /// The grains' clock (the system clock unless a test or the simulator registered another) and
    /// their <see cref="DirectStateAttribute"/> state.
    /// </summary>
    public static ISiloBuilder AddGovernance(this ISiloBuilder silo)
    {
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddKeyedSingleton<TimeProvider>(ClockKey, (services, _) => services.GetRequiredService<TimeProvider>());
        silo.Services.TryAddSingleton<IAttributeToFactoryMapper<DirectStateAttribute>, DirectStateAttributeMapper>();
        silo.AddIncomingGrainCallFilter<GrainsOnlyFilter>();
        return silo;
    }

    /// <summary>
    /// The embedded default's storage: in this process, without a grain call per write (see
    /// <see cref="InProcessGrainStorage"/>).
    /// </summary>
    public static ISiloBuilder AddGovernanceMemoryStorage(this ISiloBuilder silo)
    {
        silo.Services.AddGrainStorage(StorageNames.Governance, static (services, _) => ActivatorUtilities.CreateInstance<InProcessGrainStorage>(services));
        return silo;
    }
}
