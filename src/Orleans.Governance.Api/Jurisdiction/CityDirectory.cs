using System.Collections.Frozen;
using Orleans.Governance.Api.Identity;
using Orleans.Governance.Domain.Access;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Api.Jurisdiction;

/// <summary>
/// The city's units as loaded into the cluster (the same validated city file), so that the
/// jurisdiction rule is answered without a grain call per unit of a case's trail.
/// </summary>
public sealed class CityDirectory(CityPlan? city)
{
    private readonly FrozenDictionary<string, UnitProfile> _units =
        (city?.Units ?? []).ToFrozenDictionary(u => u.Id, StringComparer.Ordinal);

    private readonly FrozenDictionary<string, UnitLocation> _locations =
        (city?.Definition.Units ?? []).Where(u => u.Location is not null).ToFrozenDictionary(u => u.Id, u => u.Location!, StringComparer.Ordinal);

    public GovernancePolicy Policy { get; } = city?.Definition.Policy ?? new GovernancePolicy();

    public UnitProfile? Root => city?.Root;

    public UnitProfile? Find(string unitId) => _units.GetValueOrDefault(unitId);

    /// <summary>Where the unit sits, when the city file says.</summary>
    public UnitLocation? LocationOf(string unitId) => _locations.GetValueOrDefault(unitId);

    /// <summary>Does any unit of the city have a location?</summary>
    public bool HasLocations => _locations.Count > 0;

    /// <summary>
    /// The located grid nearest to the point (haversine); when no grid is located, the nearest
    /// located unit of any level; null when no unit is located.
    /// </summary>
    public UnitProfile? NearestGrid(double lat, double @long)
    {
        UnitProfile? nearest = null;
        var best = double.MaxValue;
        var gridFound = false;
        foreach (var (unitId, location) in _locations)
        {
            var unit = _units[unitId];
            var isGrid = unit.Level == Level.Grid;
            if (gridFound && !isGrid)
            {
                continue;
            }

            var distance = location.DistanceKm(lat, @long);
            if ((isGrid && !gridFound) || distance < best || (distance == best && string.CompareOrdinal(unit.Id, nearest!.Id) < 0))
            {
                (nearest, best, gridFound) = (unit, distance, gridFound || isGrid);
            }
        }

        return nearest;
    }

    /// <summary>Is the unit in the user's subtree? Unknown units are in nobody's.</summary>
    public bool Covers(GovernanceUser user, string unitId) =>
        _units.TryGetValue(unitId, out var unit) && JurisdictionRule.Covers(user.UnitId, unit.Id, unit.Ancestors);

    /// <summary>Is, or was, the case at a unit of the user's subtree?</summary>
    public bool Covers(GovernanceUser user, CaseFile file)
    {
        foreach (var unitId in JurisdictionRule.UnitsVisited(file))
        {
            if (Covers(user, unitId))
            {
                return true;
            }
        }

        return false;
    }
}
