using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Grains;

/// <summary>A grid's or centre's stored state. Stored contract: never rename, never renumber.</summary>
[GenerateSerializer, Alias("gov.unit-state")]
public sealed class UnitState
{
    [Id(0)] public UnitProfile? Profile { get; set; }

    [Id(1)] public DeskState Desk { get; set; } = new();
}
