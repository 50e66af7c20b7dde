namespace Orleans.Governance.Simulation.Scenarios;

/// <summary>A scenario file was refused before anything ran; each problem names the field, its value and what was expected.</summary>
public sealed class ScenarioException(string source, IReadOnlyList<string> problems)
    : Exception($"{source} is not a valid scenario:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
