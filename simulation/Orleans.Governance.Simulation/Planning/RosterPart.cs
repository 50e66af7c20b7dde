using System.Collections.Immutable;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Simulation.Planning;

/// <summary>Where a move takes or adds one mediator each: every centre of a level (no <see cref="Centres"/>), or the named centres, all of that level.</summary>
public sealed record RosterPart(Level Level, ImmutableArray<string> Centres)
{
    public RosterPart(Level level)
        : this(level, [])
    {
    }

    public string Describe(Func<Level, string> levelName, bool chinese, string change) => (Centres.Length, chinese) switch
    {
        (0, true) => $"每个{levelName(Level)}中心 {change}",
        (0, false) => $"{change} per {levelName(Level)} centre",
        (1, true) => $"{Centres[0]}（{levelName(Level)}）{change}",
        (1, false) => $"{change} at {Centres[0]} ({levelName(Level)})",
        (var n, true) => $"{n} 个{levelName(Level)}中心各 {change}",
        (var n, false) => $"{change} at each of {n} {levelName(Level)} centres",
    };

    public bool Equals(RosterPart? other) => other is not null && Level == other.Level && Centres.SequenceEqual(other.Centres);

    public override int GetHashCode() => Centres.Aggregate(Level.GetHashCode(), HashCode.Combine);
}
