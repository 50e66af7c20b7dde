namespace Orleans.Governance.Simulation.Statistics;

/// <summary>Daily samples per level: queue length, busy mediators, utilisation over the past day, overdue so far.</summary>
public sealed class TimeSeries(IReadOnlyList<string> levels)
{
    public IReadOnlyList<string> Levels { get; } = levels;

    public List<double> Days { get; } = [];

    public Dictionary<string, List<double>> Queue { get; } = levels.ToDictionary(l => l, _ => new List<double>());

    public Dictionary<string, List<double>> Busy { get; } = levels.ToDictionary(l => l, _ => new List<double>());

    public Dictionary<string, List<double>> Utilisation { get; } = levels.ToDictionary(l => l, _ => new List<double>());

    public Dictionary<string, List<double>> Overdue { get; } = levels.ToDictionary(l => l, _ => new List<double>());

    public List<double> OpenCases { get; } = [];
}
