using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Simulation.Detection;

/// <summary>
/// One unit and type warned on consecutive days: one episode. Days are the run's day numbers (day
/// d is the centres' day from the run's start + d to + d + 1); <see cref="RaisedDay"/> is the day
/// whose evaluation, at its end, first raised it. <see cref="UnitId"/> is the city file's id.
/// </summary>
public sealed record WarningEpisode(string UnitId, CaseType Type, int RaisedDay, int LastDay)
{
    /// <summary>When the warning was raised: the end of its first day, in run days.</summary>
    public double RaisedAt => RaisedDay + 1;
}
