using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
}
