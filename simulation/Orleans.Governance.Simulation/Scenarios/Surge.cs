using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Simulation.Scenarios;

/// <summary>Arrivals multiplied by <see cref="Multiplier"/> from day <see cref="FromDay"/> (inclusive) to <see cref="ToDay"/> (exclusive), for some types or all.</summary>
public sealed record Surge(double FromDay, double ToDay, double Multiplier, IReadOnlySet<CaseType>? Types)
{
    public bool Covers(double day, CaseType type) => day >= FromDay && day < ToDay && (Types is null || Types.Contains(type));
}
