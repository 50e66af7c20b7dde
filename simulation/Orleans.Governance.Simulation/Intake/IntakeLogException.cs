namespace Orleans.Governance.Simulation.Intake;

/// <summary>An intake log was refused before anything ran; each problem starts with file:line:column.</summary>
public sealed class IntakeLogException(IReadOnlyList<string> problems)
    : Exception($"The intake log was refused, nothing was run:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
