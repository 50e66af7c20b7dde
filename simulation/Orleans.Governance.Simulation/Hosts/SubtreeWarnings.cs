using Orleans.Governance.Domain.Warnings;

namespace Orleans.Governance.Simulation.Hosts;

/// <summary>What the run's detector reads each day: a subtree's early warnings, and the first day anything was recorded in it.</summary>
public sealed record SubtreeWarnings(DateOnly? Since, IReadOnlyList<EarlyWarning> Warnings);
