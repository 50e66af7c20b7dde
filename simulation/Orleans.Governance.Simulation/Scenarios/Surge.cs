using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Simulation.Scenarios;

/// <summary>
/// Arrivals multiplied by <see cref="Multiplier"/> from day <see cref="FromDay"/> (inclusive) to
/// <see cref="ToDay"/> (exclusive), for some types or all, at the units of some areas (each unit
/// of <see cref="Units"/> with its whole subtree) or in the whole city.
/// </summary>
public sealed record Surge(double FromDay, double ToDay, double Multiplier, IReadOnlySet<CaseType>? Types, IReadOnlySet<string>? Units)
{
    public bool Covers(double day, CaseType type) => day >= FromDay && day < ToDay && IsFor(type);

    public bool IsFor(CaseType type) => Types is null || Types.Contains(type);

    /// <summary>Whether arrivals registered at <paramref name="unitId"/> surge: it lies in the surge's area.</summary>
    public bool Reaches(UnitTree tree, string unitId) => Units is null || tree.Lineage(unitId).Any(Units.Contains);

    /// <summary>Whether the subtree of <paramref name="unitId"/> and the surge's area share a unit.</summary>
    public bool Overlaps(UnitTree tree, string unitId) => Units is null || Units.Any(area => tree.Overlap(unitId, area));
}
