using Orleans.Governance.Domain.Warnings;
using Orleans.Governance.Simulation.Hosts;
using Orleans.Governance.Simulation.Scenarios;

namespace Orleans.Governance.Simulation.Detection;

/// <summary>
/// The production detector inside a replication: at the end of every day the run asks the city's
/// unit for the warnings of its whole tree on the day just completed, as a leader's page would,
/// and keeps them as episodes, with the days on which the rule had a baseline.
/// </summary>
public sealed class WarningWatch(Func<DateOnly, Task<SubtreeWarnings>> cityWarnings, string prefix, EarlyWarningRule rule)
{
    private readonly EpisodeRecorder _episodes = new();
    private int _testedDays;

    /// <summary>Evaluates the centres' day <paramref name="through"/>, which is day <paramref name="day"/> of the run.</summary>
    public async Task EvaluateAsync(int day, DateOnly through)
    {
        var city = await cityWarnings(through);
        if (city.Since is { } since && through >= rule.FirstDayTested(since))
        {
            _testedDays++;
        }

        // The replication's units carry its prefix (CityPlan.WithIdPrefix): episodes name the city file's units.
        _episodes.Record(day, city.Warnings.Select(w => (w.UnitId[prefix.Length..], w.Type)));
    }

    public RunDetection Assess(IReadOnlyList<Surge> surges, UnitTree tree, int counties) =>
        SurgeMatching.Assess(_episodes.Episodes, surges, tree, _testedDays, counties);
}
