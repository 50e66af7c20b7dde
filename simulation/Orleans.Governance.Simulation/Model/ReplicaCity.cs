using Orleans.Governance.Domain.City;

namespace Orleans.Governance.Simulation.Model;

/// <summary>
/// Gives each replication its own copy of the city (unit ids prefixed), so replications can share
/// one silo without sharing any unit's queue, counters or deadline watch.
/// </summary>
public static class ReplicaCity
{
    public static CityDefinition Of(CityDefinition city, string prefix) => city with
    {
        Id = prefix + city.Id,
        Units = city.Units.Select(u => u with { Id = prefix + u.Id, Parent = u.Parent is null ? null : prefix + u.Parent }).ToList(),
    };
}
