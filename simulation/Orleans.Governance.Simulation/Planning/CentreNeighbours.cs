using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Simulation.Planning;

/// <summary>
/// The cheaper neighbours of a roster in the per-centre search, ranked by what its own run showed
/// at each centre (<see cref="CentreLoad"/>), since a city has too many centres to try each:
/// <list type="bullet">
/// <item>the least-loaded centres (fewest cases admitted per mediator, then fewest overdue) are
/// where a mediator may go; the bottlenecks (most cases overdue there, then the longest waits
/// before signature) are where one may come, and a centre with neither is never one;</item>
/// <item>per level, a block of its <c>stride</c> least-loaded centres above one mediator gives one
/// each, alone or with one added at each of the <c>k</c> bottlenecks;</item>
/// <item>once every block is a single centre, also each of the <c>k</c> least-loaded centres alone,
/// and with one added at each of the <c>k</c> bottlenecks.</item>
/// </list>
/// Only moves that lower the cost are neighbours (the search drops the others).
/// </summary>
public sealed class CentreNeighbours(RosterCity city, Roster roster, IReadOnlyDictionary<string, CentreLoad> loads, int candidates, int maxPerCentre)
{
    /// <summary>The blocks' sizes by level (those at or below one are single centres).</summary>
    public IEnumerable<(Roster Roster, RosterMove Move)> Of(IReadOnlyDictionary<Level, int> strides, out bool fine)
    {
        var giving = city.Units.Where(c => roster[c] > 1).OrderBy(c => Load(c).Admitted / (double)roster[c]).ThenBy(c => Load(c).Overdue).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        var bottlenecks = city.Units.Where(c => roster[c] < maxPerCentre && (Load(c).Overdue > 0 || Load(c).WaitDays > 0))
            .OrderByDescending(c => Load(c).Overdue).ThenByDescending(c => Load(c).WaitDays).ThenBy(c => c.Id, StringComparer.Ordinal).Take(candidates).ToList();
        var blocks = giving.GroupBy(c => c.Level).Select(g => g.Take(strides[g.Key]).ToList()).ToList();
        fine = blocks.All(b => b.Count == 1);
        var from = fine ? [.. blocks, .. giving.Take(candidates).Select(c => new List<UnitProfile> { c })] : blocks;
        return from.SelectMany(block => bottlenecks.Where(b => !block.Contains(b)).Select(b => (UnitProfile?)b).Prepend(null).Select(to => Move(block, to)))
            .DistinctBy(n => n.Roster);
    }

    private (Roster Roster, RosterMove Move) Move(List<UnitProfile> block, UnitProfile? to)
    {
        var less = roster.With(block, -1);
        var move = new RosterMove(new RosterPart(block[0].Level, [.. block.Select(c => c.Id)]), to is null ? null : new RosterPart(to.Level, [to.Id]));
        return (to is null ? less : less.With([to], +1), move);
    }

    private CentreLoad Load(UnitProfile centre) => loads.GetValueOrDefault(centre.Id, CentreLoad.None);
}
