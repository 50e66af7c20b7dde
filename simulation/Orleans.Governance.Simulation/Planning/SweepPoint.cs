using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Planning;

/// <summary>One staffing value of a sweep: mediators per centre of the level, their total, and the scenario's results with it.</summary>
public sealed record SweepPoint(int PerCentre, int Mediators, SimulationResult Result)
{
    /// <summary>Share of closed cases closed within their deadline, over the replications.</summary>
    public Estimate ServiceLevel => Result.Figures.Totals.ClosedWithinDeadlineShare;
}
