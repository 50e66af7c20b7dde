namespace Orleans.Governance.Simulation.Scenarios;

/// <summary>The distributions a handling time or delay can follow.</summary>
public enum DurationKind
{
    Exponential,
    LogNormal,
    Fixed,
}
