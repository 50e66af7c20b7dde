using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Grains;

/// <summary>A city grain's stored state. Stored contract: never rename, never renumber.</summary>
[GenerateSerializer, Alias("gov.city-state")]
public sealed class CityState
{
    [Id(0)] public UnitRef? Root { get; set; }

    [Id(1)] public int Units { get; set; }
}
