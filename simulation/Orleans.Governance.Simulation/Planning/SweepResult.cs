using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Simulation.Planning;

/// <summary>A staffing sweep at one level, and the cheapest staffing that meets the service level.</summary>
public sealed record SweepResult(Level Level, int Centres, double Target, IReadOnlyList<SweepPoint> Points)
{
    /// <summary>The fewest mediators per centre whose mean service level reaches the target, or null.</summary>
    public SweepPoint? Cheapest => Points.FirstOrDefault(p => p.ServiceLevel.Mean >= Target);

    /// <summary>The fewest whose whole 95 % interval is at or above the target (needs replications), or null.</summary>
    public SweepPoint? CheapestConfident => Points.FirstOrDefault(p => double.IsFinite(p.ServiceLevel.HalfWidth) && p.ServiceLevel.Mean - p.ServiceLevel.HalfWidth >= Target);
}
