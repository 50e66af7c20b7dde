using System.Collections.Immutable;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Scenarios;

namespace Orleans.Governance.Simulation.Planning;

/// <summary>
/// Mediators per centre at each level of the city (every centre of a level staffed alike, with
/// one generalist team, as <c>staffing.&lt;level&gt;</c> does). Levels in the city's order, lowest first.
/// </summary>
public sealed record Roster(ImmutableArray<(Level Level, int PerCentre)> Levels)
{
    public static Roster Uniform(IEnumerable<Level> levels, int perCentre) => new([.. levels.Select(level => (level, perCentre))]);

    public int this[Level level] => Levels.Single(l => l.Level == level).PerCentre;

    public Roster With(Level level, int delta) =>
        new([.. Levels.Select(l => l.Level == level ? (l.Level, l.PerCentre + delta) : l)]);

    /// <summary>The scenario with every centre of each level restaffed.</summary>
    public Scenario ApplyTo(Scenario scenario) => scenario with
    {
        City = CityPlan.From(scenario.City.Definition.Restaffed(unit => this[unit.Level]), scenario.Name),
    };

    public override string ToString() => string.Join(" ", Levels.Select(l => $"{LevelNames.Key(l.Level)}={l.PerCentre}"));

    public bool Equals(Roster? other) => other is not null && Levels.SequenceEqual(other.Levels);

    public override int GetHashCode() => Levels.Aggregate(17, (hash, l) => HashCode.Combine(hash, l.Level, l.PerCentre));
}
