namespace Orleans.Governance.Simulation.Detection;

/// <summary>One injected surge in one replication: whether a warning matched it, and how long after its start (NaN when missed).</summary>
public sealed record SurgeDetection(bool Detected, double DelayDays);
