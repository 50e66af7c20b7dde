using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Planning;

/// <summary>
/// A roster run over the replications: its cost, the objective's mean and its one-sided lower
/// confidence bound (Student's t over the replications), and whether that bound meets the target.
/// </summary>
public sealed record RosterEvaluation(Roster Roster, int Mediators, double Cost, Estimate Objective, double LowerBound, bool Meets)
{
    public double Mean => Objective.Mean;

    public static RosterEvaluation Of(Roster roster, SimulationResult result, FigureDescriptor<Figures<Estimate>> objective, double target, double confidence, RosterCity city, RosterCosts costs)
    {
        var figure = objective.Read(result.Figures);
        var values = figure.Values.Where(double.IsFinite).ToArray();
        var lower = values.Length < 2
            ? double.NaN
            : figure.Mean - MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, values.Length - 1, confidence) * MathNet.Numerics.Statistics.Statistics.StandardDeviation(values) / Math.Sqrt(values.Length);
        return new RosterEvaluation(roster, city.Mediators(roster), costs.Of(roster, city), figure, lower, lower >= target);
    }
}
