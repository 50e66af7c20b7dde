using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Simulation.Planning;

/// <summary>
/// The centres a roster staffs: every unit of the city (a grid's grid workers are its team), by id,
/// with their number at each level and the county each lies in.
/// </summary>
public sealed class RosterCity
{
    private readonly Dictionary<string, UnitProfile> _byId;

    public RosterCity(CityPlan city)
    {
        Units = city.Units;
        _byId = city.Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        Centres = city.Units.GroupBy(u => u.Level).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>Top-down, as the city plan lists them.</summary>
    public IReadOnlyList<UnitProfile> Units { get; }

    /// <summary>Centres at each level, lowest level first.</summary>
    public IReadOnlyDictionary<Level, int> Centres { get; }

    public IReadOnlyList<Level> Levels => [.. Centres.Keys];

    public UnitProfile this[string id] => _byId[id];

    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>The county a centre lies in (a county lies in itself); null for the city.</summary>
    public static string? CountyOf(UnitProfile centre) =>
        centre.Level == Level.County ? centre.Id : centre.Ancestors.FirstOrDefault(a => a.Level == Level.County)?.Id;

    /// <summary>How many mediators <paramref name="roster"/> staffs in this city.</summary>
    public int Mediators(Roster roster) =>
        roster.Levels.Sum(l => l.PerCentre * Centres[l.Level]) + roster.Centres.Sum(c => c.Value - roster[_byId[c.Key].Level]);
}
