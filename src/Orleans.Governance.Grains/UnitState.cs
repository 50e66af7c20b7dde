using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Grains;

/// <summary>
/// A grid's or centre's configuration, stored apart from its desk so that the desk's frequent
/// writes do not carry the profile. Stored contract: never rename, never renumber.
/// </summary>
[GenerateSerializer, Alias("gov.unit-state")]
public sealed class UnitState
{
    [Id(0)] public UnitProfile? Profile { get; set; }
}
