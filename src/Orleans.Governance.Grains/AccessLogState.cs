using Orleans.Governance.Domain.Access;

namespace Orleans.Governance.Grains;

/// <summary>An access log grain's stored state. Stored contract: never rename, never renumber.</summary>
[GenerateSerializer, Alias("gov.access-log-state")]
public sealed class AccessLogState
{
    [Id(0)] public IReadOnlyList<AccessRecord> Records { get; set; } = [];
}
