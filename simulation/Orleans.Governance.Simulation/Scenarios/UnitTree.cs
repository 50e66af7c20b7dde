using Orleans.Governance.Domain.City;

namespace Orleans.Governance.Simulation.Scenarios;

/// <summary>
/// The parent links of a city's units, for questions about areas: which units lie in a unit's
/// subtree, and whether two areas overlap. Ids are the city file's (not a replication's copies).
/// </summary>
public sealed class UnitTree
{
    private readonly Dictionary<string, string?> _parents;

    private UnitTree(Dictionary<string, string?> parents) => _parents = parents;

    public static UnitTree Of(CityDefinition city) =>
        new(city.Units.GroupBy(u => u.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Parent, StringComparer.Ordinal));

    public bool Contains(string unitId) => _parents.ContainsKey(unitId);

    /// <summary>The unit, its parent, and so on up to the city.</summary>
    public IEnumerable<string> Lineage(string unitId)
    {
        for (string? id = unitId; id is not null; id = _parents.GetValueOrDefault(id))
        {
            yield return id;
        }
    }

    /// <summary>Whether <paramref name="unitId"/> lies in the subtree of <paramref name="areaId"/> (a unit lies in its own).</summary>
    public bool IsWithin(string unitId, string areaId) => Lineage(unitId).Contains(areaId, StringComparer.Ordinal);

    /// <summary>Whether the subtrees of two units share a unit: one lies within the other.</summary>
    public bool Overlap(string a, string b) => IsWithin(a, b) || IsWithin(b, a);
}
