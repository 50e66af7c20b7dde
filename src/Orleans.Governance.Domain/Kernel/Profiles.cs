using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Kernel;

/// <summary>Structural comparison of unit profiles (records compare their lists by reference).</summary>
internal static class Profiles
{
    public static bool Same(UnitProfile a, UnitProfile b) =>
        a.Id == b.Id && a.Name == b.Name && a.Level == b.Level && a.Policy == b.Policy
        && a.Ancestors.SequenceEqual(b.Ancestors) && a.Children.SequenceEqual(b.Children)
        && a.Departments.SequenceEqual(b.Departments)
        && a.Mediators.Count == b.Mediators.Count
        && a.Mediators.Zip(b.Mediators).All(p => p.First.Id == p.Second.Id && p.First.Capacity == p.Second.Capacity && p.First.Skills.SequenceEqual(p.Second.Skills));
}
