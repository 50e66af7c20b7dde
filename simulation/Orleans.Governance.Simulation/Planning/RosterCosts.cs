using System.Globalization;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Simulation.Planning;

/// <summary>What one mediator costs at each level (relative units: a grid worker is 1 by default).</summary>
public sealed record RosterCosts(IReadOnlyDictionary<Level, double> PerMediator)
{
    public double Of(Level level) => PerMediator.GetValueOrDefault(level, 1);

    /// <summary>What <paramref name="roster"/> costs in a city with <paramref name="centres"/> centres at each level.</summary>
    public double Of(Roster roster, IReadOnlyDictionary<Level, int> centres) => roster.Levels.Sum(l => l.PerCentre * centres[l.Level] * Of(l.Level));

    /// <summary>
    /// Parses <c>grid=1,village=1,township=1.2</c>; levels left out cost 1. Throws
    /// <see cref="FormatException"/> naming the bad part.
    /// </summary>
    public static RosterCosts Parse(string? text, IReadOnlyCollection<Level> levels)
    {
        var costs = new Dictionary<Level, double>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !LevelNames.TryParse(pair[0], out var level) || !levels.Contains(level))
            {
                throw new FormatException($"'{part}' — expected LEVEL=COST with LEVEL one of {string.Join(", ", levels.Select(LevelNames.Key))}");
            }

            if (!double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var cost) || !double.IsFinite(cost) || cost <= 0)
            {
                throw new FormatException($"'{part}' — the cost must be a number > 0");
            }

            if (!costs.TryAdd(level, cost))
            {
                throw new FormatException($"'{part}' — {pair[0]} is given twice");
            }
        }

        return new RosterCosts(costs);
    }
}
