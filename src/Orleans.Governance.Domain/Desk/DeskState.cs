using Orleans.Governance.Domain.Figures;

namespace Orleans.Governance.Domain.Desk;

/// <summary>
/// What a unit persists: the cases it holds and its counters. The queue, the mediators' loads
/// and the deadline index are derived from it when the desk is built, so they cannot drift.
/// </summary>
[GenerateSerializer, Alias("gov.desk-state")]
public sealed class DeskState
{
    [Id(0)] public Dictionary<string, OpenCase> Open { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public UnitCounters Counters { get; set; } = new();

    [Id(2)] public long NextSequence { get; set; }
}
