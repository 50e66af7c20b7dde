using Orleans.Governance.Abstractions;

namespace Orleans.Governance.Grains;

/// <summary>An Open311 index grain's stored state. Stored contract: never rename, never renumber.</summary>
[GenerateSerializer, Alias("gov.open311-index-state")]
public sealed class Open311IndexState
{
    /// <summary>The month's filings, oldest first.</summary>
    [Id(0)] public IReadOnlyList<Open311Filing> Filings { get; set; } = [];
}
