using System.Collections.Immutable;
using Orleans.Governance.Simulation.Scenarios;

namespace Orleans.Governance.Simulation.Planning;

/// <summary>
/// Mediators per centre at each level of the city (every centre of a level staffed alike, with
/// one generalist team, as <c>staffing.&lt;level&gt;</c> does). Levels in the city's order, lowest first.
/// </summary>
public sealed record Roster(ImmutableArray<(string Level, int PerCentre)> Levels)
{
    public static Roster Uniform(IEnumerable<string> levels, int perCentre) => new([.. levels.Select(level => (level, perCentre))]);

    public int this[string level] => Levels.Single(l => l.Level == level).PerCentre;

    public Roster With(string level, int delta) =>
        new([.. Levels.Select(l => l.Level == level ? (l.Level, l.PerCentre + delta) : l)]);

    /// <summary>The scenario with every centre of each level restaffed.</summary>
    public Scenario ApplyTo(Scenario scenario) => scenario with
    {
        City = scenario.City with { Units = [.. scenario.City.Units.Select(u => ScenarioReader.Restaff(u, this[u.Level]))] },
    };

    public override string ToString() => string.Join(" ", Levels.Select(l => $"{l.Level}={l.PerCentre}"));

    public bool Equals(Roster? other) => other is not null && Levels.SequenceEqual(other.Levels);

    public override int GetHashCode() => Levels.Aggregate(17, (hash, l) => HashCode.Combine(hash, l.Level, l.PerCentre));
}
