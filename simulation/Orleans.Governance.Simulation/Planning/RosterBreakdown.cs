using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Simulation.Planning;

/// <summary>A roster summed by level, or by county and level, for the reports.</summary>
public static class RosterBreakdown
{
    public static IReadOnlyList<LevelStaffing> ByLevel(Roster roster, RosterCity city, RosterCosts costs) => Levels(city.Units, roster, costs);

    /// <summary>Each county (the city's own centre first, as the city lists it), with the centres changed from <paramref name="start"/>.</summary>
    public static IReadOnlyList<CountyStaffing> ByCounty(Roster roster, Roster start, RosterCity city, RosterCosts costs) =>
    [
        .. city.Units.GroupBy(RosterCity.CountyOf).Select(county =>
        {
            var levels = Levels(county, roster, costs);
            var changed = county.Where(c => roster[c] != start[c]).Select(c => new CentreChange(c.Id, c.Level, start[c], roster[c]));
            var name = county.Key is { } id ? city[id].Name : county.First().Name;
            return new CountyStaffing(county.Key, name, levels, levels.Sum(l => l.Cost), [.. changed]);
        }),
    ];

    private static IReadOnlyList<LevelStaffing> Levels(IEnumerable<UnitProfile> centres, Roster roster, RosterCosts costs) =>
    [
        .. centres.GroupBy(c => c.Level).OrderBy(g => g.Key).Select(g => new LevelStaffing(
            g.Key, g.Count(), g.Sum(c => roster[c]), g.Min(c => roster[c]), g.Max(c => roster[c]), g.Sum(c => roster[c] * costs.Of(c)))),
    ];
}
