namespace Orleans.Governance.Simulation.Checks;

/// <summary>A whole-run property: its name, what it guarantees in one sentence, and how to find a violation in a variation's run (null: none).</summary>
public sealed record RunProperty(string Name, string Guarantee, Func<RunChecker, ScenarioVariation, CancellationToken, Task<string?>> FindViolationAsync);
