using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Access;

/// <summary>
/// 属地管理 for reading: a user belongs to a unit and sees that unit and its subtree. A case is
/// theirs to see if it is, or has ever been, at a unit of that subtree; what a case left behind
/// on its way up stays visible to the units it passed.
/// </summary>
public static class JurisdictionRule
{
    /// <summary>Is <paramref name="unit"/> (with its ancestors, parent first) inside the subtree of <paramref name="userUnitId"/>?</summary>
    public static bool Covers(string userUnitId, string unit, IReadOnlyList<UnitRef> ancestorsOfUnit)
    {
        if (unit == userUnitId)
        {
            return true;
        }

        foreach (var ancestor in ancestorsOfUnit)
        {
            if (ancestor.Id == userUnitId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The units a case has been at, in order of arrival, each once.</summary>
    public static IReadOnlyList<string> UnitsVisited(CaseFile file)
    {
        var units = new List<string>(4);
        foreach (var entry in file.Trail)
        {
            if (!units.Contains(entry.UnitId))
            {
                units.Add(entry.UnitId);
            }
        }

        return units;
    }

    /// <summary>
    /// The parties are shown unmasked only to the people of the unit now handling the case whose
    /// role handles personal data (首问负责 / 首办负责), through its follow-up call; everyone else reads
    /// them masked.
    /// </summary>
    public static bool MaySeePersonalData(Role role, string userUnitId, CaseFile file) =>
        RoleTable.Allows(role, Permission.HandlePersonalData) && file.UnitId == userUnitId;
}
