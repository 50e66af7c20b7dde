using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Figures;

/// <summary>A unit's live figures (or the sum over a subtree, when rolled up).</summary>
[GenerateSerializer, Immutable, Alias("gov.unit-figures")]
public sealed record UnitFigures(
    [property: Id(0)] string UnitId,
    [property: Id(1)] Level Level,
    [property: Id(2)] IReadOnlyDictionary<CaseStatus, long> OpenByStatus,
    [property: Id(3)] long Admitted,
    [property: Id(4)] long ResolvedHere,
    [property: Id(5)] long EscalatedOut,
    [property: Id(6)] long ReferredOut,
    [property: Id(7)] long ClosedHere,
    [property: Id(8)] long UnsignedWarnings,
    [property: Id(9)] long Overdue,
    [property: Id(10)] long SatisfactionSum,
    [property: Id(11)] long SatisfactionCount,
    [property: Id(12)] DurationHistogram TimeToClose,
    [property: Id(13)] DurationHistogram WaitBeforeAcceptance,
    [property: Id(14)] int Units)
{
    public long Open => OpenByStatus.Values.Sum();

    public double MeanDaysToClose => TimeToClose.MeanMinutes / 1440;

    public double P95DaysToClose => TimeToClose.QuantileMinutes(0.95) / 1440;

    /// <summary>Mean satisfaction 1..5, or null before the first follow-up.</summary>
    public double? MeanSatisfaction => SatisfactionCount == 0 ? null : (double)SatisfactionSum / SatisfactionCount;

    public static UnitFigures From(string unitId, Level level, UnitCounters counters, IReadOnlyDictionary<CaseStatus, long> openByStatus) =>
        new(unitId, level, openByStatus, counters.Admitted, counters.ResolvedHere, counters.EscalatedOut, counters.ReferredOut,
            counters.ClosedHere, counters.UnsignedWarnings, counters.Overdue, counters.SatisfactionSum, counters.SatisfactionCount,
            counters.TimeToClose.Copy(), counters.WaitBeforeAcceptance.Copy(), Units: 1);

    /// <summary>Sums the figures of many units level by level, each sum named after <paramref name="unitId"/>; lowest level first.</summary>
    public static IReadOnlyList<UnitFigures> SumByLevel(string unitId, IEnumerable<UnitFigures> figures) =>
        [.. figures.GroupBy(f => f.Level).OrderBy(g => g.Key).Select(g => (g.First() with { UnitId = unitId }).Plus(g.Skip(1)))];

    /// <summary>This unit's figures plus its subtree's, under this unit's name.</summary>
    public UnitFigures Plus(IEnumerable<UnitFigures> children)
    {
        var open = new Dictionary<CaseStatus, long>(OpenByStatus);
        var subtree = children.ToList();
        var sum = this with
        {
            OpenByStatus = open,
            TimeToClose = DurationHistogram.Sum([TimeToClose, .. subtree.Select(f => f.TimeToClose)]),
            WaitBeforeAcceptance = DurationHistogram.Sum([WaitBeforeAcceptance, .. subtree.Select(f => f.WaitBeforeAcceptance)]),
        };
        foreach (var child in subtree)
        {
            foreach (var (status, count) in child.OpenByStatus)
            {
                open[status] = open.GetValueOrDefault(status) + count;
            }

            sum = sum with
            {
                Admitted = sum.Admitted + child.Admitted,
                ResolvedHere = sum.ResolvedHere + child.ResolvedHere,
                EscalatedOut = sum.EscalatedOut + child.EscalatedOut,
                ReferredOut = sum.ReferredOut + child.ReferredOut,
                ClosedHere = sum.ClosedHere + child.ClosedHere,
                UnsignedWarnings = sum.UnsignedWarnings + child.UnsignedWarnings,
                Overdue = sum.Overdue + child.Overdue,
                SatisfactionSum = sum.SatisfactionSum + child.SatisfactionSum,
                SatisfactionCount = sum.SatisfactionCount + child.SatisfactionCount,
                Units = sum.Units + child.Units,
            };
        }

        return sum;
    }
}
