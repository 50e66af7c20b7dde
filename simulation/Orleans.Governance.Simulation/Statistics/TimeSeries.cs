using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Simulation.Statistics;

/// <summary>Daily samples per level: queue length, busy mediators, utilisation over the past day, overdue so far.</summary>
public sealed class TimeSeries(IReadOnlyList<Level> levels)
{
    public IReadOnlyList<Level> Levels { get; } = levels;

    public List<double> Days { get; } = [];

    public Dictionary<Level, List<double>> Queue { get; } = levels.ToDictionary(l => l, _ => new List<double>());

    public Dictionary<Level, List<double>> Busy { get; } = levels.ToDictionary(l => l, _ => new List<double>());

    public Dictionary<Level, List<double>> Utilisation { get; } = levels.ToDictionary(l => l, _ => new List<double>());

    public Dictionary<Level, List<double>> Overdue { get; } = levels.ToDictionary(l => l, _ => new List<double>());

    public List<double> OpenCases { get; } = [];
}
