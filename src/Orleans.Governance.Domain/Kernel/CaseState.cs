using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Kernel;

/// <summary>A case grain's stored state. Stored contract: never rename, never renumber.</summary>
[GenerateSerializer, Alias("gov.case-state")]
public sealed class CaseState
{
    [Id(0)] public CaseFile? File { get; set; }

    /// <summary>The policy of the city the case is in, taken from the unit that admitted it.</summary>
    [Id(1)] public GovernancePolicy? Policy { get; set; }
}
