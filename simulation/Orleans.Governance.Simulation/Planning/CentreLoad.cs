using Orleans.Governance.Simulation.Model;

namespace Orleans.Governance.Simulation.Planning;

/// <summary>
/// What a roster's replications showed at one centre, summed over them: cases admitted there, cases
/// that passed their deadline there, and the days cases waited there before a mediator signed.
/// </summary>
public sealed record CentreLoad(long Admitted, long Overdue, double WaitDays)
{
    public static readonly CentreLoad None = new(0, 0, 0);

    /// <summary>Each centre's load over the replications (runs that kept their units' figures).</summary>
    public static IReadOnlyDictionary<string, CentreLoad> Of(SimulationResult result) =>
        result.Runs.SelectMany(r => r.Units).GroupBy(f => f.UnitId, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => new CentreLoad(g.Sum(f => f.Admitted), g.Sum(f => f.Overdue), g.Sum(f => f.WaitBeforeAcceptance.SumMinutes) / 1440),
            StringComparer.Ordinal);
}
