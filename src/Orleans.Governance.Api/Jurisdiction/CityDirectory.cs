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

    public GovernancePolicy Policy { get; } = city?.Definition.Policy ?? new GovernancePolicy();

    public UnitProfile? Root => city?.Root;

    public UnitProfile? Find(string unitId) => _units.GetValueOrDefault(unitId);

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
