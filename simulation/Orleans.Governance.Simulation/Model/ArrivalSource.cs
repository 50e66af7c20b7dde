using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Engine;
using Orleans.Governance.Simulation.Scenarios;

namespace Orleans.Governance.Simulation.Model;

/// <summary>
/// The arrival process of one unit: a Poisson process per case type, thinned from one process at
/// <see cref="MaxRatePerDay"/> (the rate under the largest multipliers), so that day-of-week,
/// seasonal and surge multipliers need no calendar entry of their own.
/// </summary>
public sealed class ArrivalSource(UnitProfile unit, CaseType[] types, double[] baseRates, IReadOnlyList<Surge> surges, double maxRatePerDay, RandomStream random)
{
    public UnitProfile Unit { get; } = unit;

    public CaseType[] Types { get; } = types;

    public double[] BaseRates { get; } = baseRates;

    /// <summary>The scenario's surges whose area holds this unit, in the scenario's order.</summary>
    public IReadOnlyList<Surge> Surges { get; } = surges;

    public double MaxRatePerDay { get; } = maxRatePerDay;

    /// <summary>The types' rates at the current candidate, one per type: reused by every candidate of the unit.</summary>
    public double[] Rates { get; } = new double[types.Length];

    public RandomStream Random { get; } = random;

    public long NextGapTicks() => (long)Math.Round(Random.Exponential(1 / MaxRatePerDay) * TimeSpan.TicksPerDay);
}
