using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Simulation.Planning;

/// <summary>
/// The neighbours of a roster in the per-centre search, ranked by what its own run showed
/// at each centre (<see cref="CentreLoad"/>), since a city has too many centres to try each:
/// <list type="bullet">
/// <item>a mediator may be taken from the least-loaded centres (fewest cases admitted per mediator,
/// then fewest overdue) and added at the bottlenecks (most cases overdue there, then the longest
/// waits before signature; a centre with neither is never one);</item>
/// <item>additions: per level, a block of its <c>stride</c> worst bottlenecks, and each of the <c>k</c> worst alone;</item>
/// <item>removals: per level, a block of its <c>stride</c> least-loaded centres above one mediator
/// gives one each, alone or with one added at one of the <c>k</c> worst bottlenecks; once every
/// block is a single centre, also each of the <c>k</c> least-loaded centres (the search keeps
/// only those that lower the cost).</item>
/// </list>
/// </summary>
public sealed class CentreNeighbours(RosterCity city, Roster roster, IReadOnlyDictionary<string, CentreLoad> loads, int candidates, int maxPerCentre)
{
    /// <summary>Per level, one more at each of its <paramref name="strides"/> worst bottlenecks; and at each of the <c>k</c> worst alone.</summary>
    public IEnumerable<(Roster Roster, RosterMove Move)> Additions(IReadOnlyDictionary<Level, int> strides)
    {
        var bottlenecks = Bottlenecks().ToList();
        var blocks = bottlenecks.GroupBy(c => c.Level).Select(g => g.Take(strides[g.Key]).ToList());
        return blocks.Concat(bottlenecks.Take(candidates).Select(c => new List<UnitProfile> { c }))
            .Select(block => (Roster: roster.With(block, +1), Move: new RosterMove(null, Part(block)))).DistinctBy(n => n.Roster);
    }

    /// <summary>
    /// Per level, one fewer at each of its <paramref name="strides"/> least-loaded centres above
    /// one, alone or with one more at each of the <c>k</c> worst bottlenecks; once every block is
    /// a single centre (<paramref name="fine"/>), also at each of the <c>k</c> least-loaded alone.
    /// </summary>
    public IEnumerable<(Roster Roster, RosterMove Move)> Removals(IReadOnlyDictionary<Level, int> strides, out bool fine)
    {
        var giving = city.Units.Where(c => roster[c] > 1).OrderBy(c => Load(c).Admitted / (double)roster[c]).ThenBy(c => Load(c).Overdue).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        var bottlenecks = Bottlenecks().Take(candidates).ToList();
        var blocks = giving.GroupBy(c => c.Level).Select(g => g.Take(strides[g.Key]).ToList()).ToList();
        fine = blocks.All(b => b.Count == 1);
        var from = fine ? [.. blocks, .. giving.Take(candidates).Select(c => new List<UnitProfile> { c })] : blocks;
        return from.SelectMany(block => bottlenecks.Where(b => !block.Contains(b)).Select(b => (UnitProfile?)b).Prepend(null).Select(to => Move(block, to)))
            .DistinctBy(n => n.Roster);
    }

    /// <summary>Centres below the most that showed overdue cases or waits, worst first.</summary>
    private IEnumerable<UnitProfile> Bottlenecks() =>
        city.Units.Where(c => roster[c] < maxPerCentre && (Load(c).Overdue > 0 || Load(c).WaitDays > 0))
            .OrderByDescending(c => Load(c).Overdue).ThenByDescending(c => Load(c).WaitDays).ThenBy(c => c.Id, StringComparer.Ordinal);

    private (Roster Roster, RosterMove Move) Move(List<UnitProfile> block, UnitProfile? to)
    {
        var less = roster.With(block, -1);
        var move = new RosterMove(Part(block), to is null ? null : Part([to]));
        return (to is null ? less : less.With([to], +1), move);
    }

    private static RosterPart Part(List<UnitProfile> block) => new(block[0].Level, [.. block.Select(c => c.Id)]);

    private CentreLoad Load(UnitProfile centre) => loads.GetValueOrDefault(centre.Id, CentreLoad.None);
}
