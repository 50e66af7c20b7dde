using System.Globalization;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Simulation.Planning;

/// <summary>
/// What one mediator costs at each level (relative units: a grid worker is 1 by default) and, for
/// <c>optimise --per centre</c>, at centres named by id, whose cost replaces their level's.
/// </summary>
public sealed record RosterCosts(IReadOnlyDictionary<Level, double> PerMediator, IReadOnlyDictionary<string, double> PerCentre)
{
    public RosterCosts(IReadOnlyDictionary<Level, double> perMediator)
        : this(perMediator, new Dictionary<string, double>(StringComparer.Ordinal))
    {
    }

    public double Of(Level level) => PerMediator.GetValueOrDefault(level, 1);

    public double Of(UnitProfile centre) => PerCentre.TryGetValue(centre.Id, out var cost) ? cost : Of(centre.Level);

    /// <summary>What <paramref name="roster"/> costs in <paramref name="city"/>: each level's centres at their level's count, then the centres staffed or priced otherwise.</summary>
    public double Of(Roster roster, RosterCity city)
    {
        var cost = roster.Levels.Sum(l => l.PerCentre * city.Centres[l.Level] * Of(l.Level));
        cost += PerCentre.Sum(c => roster[city[c.Key].Level] * (c.Value - Of(city[c.Key].Level)));
        return cost + roster.Centres.Sum(c => (c.Value - roster[city[c.Key].Level]) * Of(city[c.Key]));
    }

    /// <summary>
    /// Parses <c>grid=1,village=1,township=1.2</c>, and, when <paramref name="city"/> is given
    /// (<c>--per centre</c>), centre ids too (<c>village=1.2,v-0001=2</c>); levels left out cost 1,
    /// centres left out their level's cost. Throws <see cref="FormatException"/> naming the bad part.
    /// </summary>
    public static RosterCosts Parse(string? text, IReadOnlyCollection<Level> levels, RosterCity? city = null)
    {
        var costs = new Dictionary<Level, double>();
        var centres = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', StringSplitOptions.TrimEntries);
            var isLevel = LevelNames.TryParse(pair[0], out var level) && levels.Contains(level) && pair.Length == 2;
            if (!isLevel && (pair.Length != 2 || city?.Contains(pair[0]) != true))
            {
                var levelKeys = string.Join(", ", levels.Select(LevelNames.Key));
                throw new FormatException(city is null
                    ? $"'{part}' — expected LEVEL=COST with LEVEL one of {levelKeys}"
                    : $"'{part}' — expected LEVEL=COST or CENTRE=COST with LEVEL one of {levelKeys} and CENTRE the id of a unit of the city");
            }

            if (!double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var cost) || !double.IsFinite(cost) || cost <= 0)
            {
                throw new FormatException($"'{part}' — the cost must be a number > 0");
            }

            if (isLevel ? !costs.TryAdd(level, cost) : !centres.TryAdd(pair[0], cost))
            {
                throw new FormatException($"'{part}' — {pair[0]} is given twice");
            }
        }

        return new RosterCosts(costs, centres);
    }
}
