using Orleans.Governance.Domain.Figures;
using Orleans.Governance.Domain.Warnings;

namespace Orleans.Governance.Domain.Desk;

/// <summary>
/// What a unit persists: the cases it holds, its counters, its daily ledger and the follow-ups it counted lately. The queue, the mediators' loads
/// and the deadline index are derived from it when the desk is built, so they cannot drift.
/// </summary>
[GenerateSerializer, Alias("gov.desk-state")]
public sealed class DeskState
{
    [Id(0)] public Dictionary<string, OpenCase> Open { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public UnitCounters Counters { get; set; } = new();

    [Id(2)] public long NextSequence { get; set; }

    [Id(3)] public DailyLedger Ledger { get; set; } = new();

    /// <summary>Follow-ups counted lately (case → day), to recognise a re-sent report of one.</summary>
    [Id(4)] public Dictionary<string, DateOnly> FollowUpsCounted { get; set; } = new(StringComparer.Ordinal);
}
