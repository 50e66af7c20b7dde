using System.Collections.Immutable;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Scenarios;

namespace Orleans.Governance.Simulation.Planning;

/// <summary>
/// Mediators per centre, each with one generalist team: one number per level (every centre of the
/// level alike, as <c>staffing.&lt;level&gt;</c> does), and the centres staffed otherwise (as
/// <c>staffing.centres</c> does; none in a per-level roster). Levels in the city's order, lowest first.
/// A centre is in <see cref="Centres"/> only when it differs from its level, so equal staffing is an equal roster.
/// </summary>
public sealed record Roster(ImmutableArray<(Level Level, int PerCentre)> Levels, ImmutableSortedDictionary<string, int> Centres)
{
    public Roster(ImmutableArray<(Level Level, int PerCentre)> levels)
        : this(levels, ImmutableSortedDictionary.Create<string, int>(StringComparer.Ordinal))
    {
    }

    /// <summary>How many centres <see cref="ToString"/> names before it only counts the rest.</summary>
    private const int CentresNamed = 6;

    public static Roster Uniform(IEnumerable<Level> levels, int perCentre) => new([.. levels.Select(level => (level, perCentre))]);

    public int this[Level level] => Levels.Single(l => l.Level == level).PerCentre;

    public int this[UnitProfile centre] => Centres.TryGetValue(centre.Id, out var count) ? count : this[centre.Level];

    /// <summary>Every centre of <paramref name="level"/> that follows its level gets <paramref name="delta"/> more (the per-level search's move, on rosters with no centre staffed otherwise).</summary>
    public Roster With(Level level, int delta) =>
        this with { Levels = [.. Levels.Select(l => l.Level == level ? (l.Level, l.PerCentre + delta) : l)] };

    /// <summary>Each of <paramref name="centres"/> gets <paramref name="delta"/> more.</summary>
    public Roster With(IEnumerable<UnitProfile> centres, int delta)
    {
        var staffed = Centres.ToBuilder();
        foreach (var centre in centres)
        {
            var count = this[centre] + delta;
            if (count == this[centre.Level])
            {
                staffed.Remove(centre.Id);
            }
            else
            {
                staffed[centre.Id] = count;
            }
        }

        return this with { Centres = staffed.ToImmutable() };
    }

    /// <summary>The scenario with every centre restaffed.</summary>
    public Scenario ApplyTo(Scenario scenario) => scenario with
    {
        City = CityPlan.From(scenario.City.Definition.Restaffed(unit => Centres.TryGetValue(unit.Id, out var count) ? count : this[unit.Level]), scenario.Name),
    };

    public override string ToString()
    {
        var levels = string.Join(" ", Levels.Select(l => $"{LevelNames.Key(l.Level)}={l.PerCentre}"));
        if (Centres.IsEmpty)
        {
            return levels;
        }

        var named = string.Join(" ", Centres.Take(CentresNamed).Select(c => $"{c.Key}={c.Value}"));
        return Centres.Count <= CentresNamed ? $"{levels}; {named}" : $"{levels}; {named} … ({Centres.Count} centres otherwise)";
    }

    public bool Equals(Roster? other) => other is not null && Levels.SequenceEqual(other.Levels) && Centres.SequenceEqual(other.Centres);

    public override int GetHashCode() =>
        Centres.Aggregate(Levels.Aggregate(17, (hash, l) => HashCode.Combine(hash, l.Level, l.PerCentre)), (hash, c) => HashCode.Combine(hash, c.Key, c.Value));
}
