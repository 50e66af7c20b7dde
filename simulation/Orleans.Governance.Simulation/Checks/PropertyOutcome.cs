namespace Orleans.Governance.Simulation.Checks;

/// <summary>How one property fared: the tests run and, on failure, the original and shrunk variations and what the shrunk run violated.</summary>
public sealed record PropertyOutcome(RunProperty Property, int Tests, int Shrinks, ScenarioVariation? Original, ScenarioVariation? Shrunk, string? Violation)
{
    public bool Passed => Shrunk is null;
}
