using Orleans.Governance.Simulation.Scenarios;

namespace Orleans.Governance.Simulation.Detection;

/// <summary>
/// Which warning episodes answer which injected surges. An episode matches a surge when its type
/// is one the surge multiplies, its unit's subtree and the surge's area share a unit (a county
/// surge is found by the county, a township in it or the city above it), and it was raised on a
/// day from the surge's first to <see cref="GraceDays"/> days past its end.
/// </summary>
public static class SurgeMatching
{
    /// <summary>A warning raised this many days after a surge ended still answers it.</summary>
    public const double GraceDays = 3;

    public static bool Matches(WarningEpisode episode, Surge surge, UnitTree tree) =>
        surge.IsFor(episode.Type)
        && episode.RaisedAt > surge.FromDay
        && episode.RaisedDay < surge.ToDay + GraceDays
        && surge.Overlaps(tree, episode.UnitId);

    /// <summary>
    /// Each surge detected or missed, its delay from its start to the end of the day whose
    /// evaluation first raised a matching warning, and the episodes matching no surge. Every unit
    /// lies in a county or is the city, so every such episode counts against the counties.
    /// </summary>
    public static RunDetection Assess(IReadOnlyList<WarningEpisode> episodes, IReadOnlyList<Surge> surges, UnitTree tree, int testedDays, int counties)
    {
        var detections = surges.Select(surge =>
        {
            var first = episodes.Where(e => Matches(e, surge, tree)).Select(e => e.RaisedAt).DefaultIfEmpty(double.NaN).Min();
            return new SurgeDetection(double.IsFinite(first), first - surge.FromDay);
        }).ToList();
        var falseWarnings = episodes.Count(e => !surges.Any(s => Matches(e, s, tree)));
        return new RunDetection(episodes, detections, falseWarnings, testedDays, counties);
    }
}
