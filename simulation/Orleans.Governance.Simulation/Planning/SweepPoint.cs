using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Planning;

/// <summary>One staffing value of a sweep: mediators per centre of the level, their total, and the scenario's results with it.</summary>
public sealed record SweepPoint(int PerCentre, int Mediators, SimulationResult Result)
{
    public const string ServiceLevelKey = "totals.closedWithinDeadlineShare";

    /// <summary>Share of closed cases closed within their deadline, over the replications.</summary>
    public Figure ServiceLevel => Result[ServiceLevelKey];

    public Figure Wait(string level) => Result[$"levels.{level}.waitBeforeAcceptanceDays.mean"];

    public Figure Utilisation(string level) => Result[$"levels.{level}.utilisation"];
}
