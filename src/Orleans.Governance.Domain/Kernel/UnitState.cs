using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Kernel;

/// <summary>
/// A grid's or centre's configuration and case-number sequence, stored apart from its desk so
/// that the desk's frequent writes do not carry the profile, nor issuing a number the desk. Stored contract: never rename, never renumber.
/// </summary>
[GenerateSerializer, Alias("gov.unit-state")]
public sealed class UnitState
{
    [Id(0)] public UnitProfile? Profile { get; set; }

    /// <summary>The case numbers this unit has issued today.</summary>
    [Id(1)] public CaseNumberSequence? Numbers { get; set; }
}
