namespace Orleans.Governance.Simulation.Detection;

/// <summary>
/// The detector over one replication: its warning episodes, each surge found or missed, and the
/// episodes that match no surge (false warnings) over the <see cref="TestedDays"/> days on which
/// the rule had a baseline.
/// </summary>
public sealed record RunDetection(IReadOnlyList<WarningEpisode> Episodes, IReadOnlyList<SurgeDetection> Surges, int FalseWarnings, int TestedDays, int Counties)
{
    public static RunDetection None { get; } = new([], [], 0, 0, 0);

    /// <summary>False warnings per county and 90 days of tested time; NaN without counties or tested days.</summary>
    public double FalseWarningsPerCountyPer90Days => Counties == 0 || TestedDays == 0 ? double.NaN : FalseWarnings * 90.0 / Counties / TestedDays;
}
