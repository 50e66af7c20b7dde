using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Simulation.Intake;

/// <summary>
/// One case of an intake log (docs/replay.md): when and where it was received, what it is, and
/// what the city observed. A null field was not in the log: the scenario draws it.
/// </summary>
/// <param name="SinceStart">From the scenario's first midnight (China Standard Time) to the receipt.</param>
/// <param name="UnitId">The receiving unit, an id of the city file.</param>
/// <param name="Type">The dispute's type.</param>
/// <param name="Channel">How it came in.</param>
public sealed record LoggedIntake(TimeSpan SinceStart, string UnitId, CaseType Type, IntakeChannel Channel)
{
    public long? AmountYuan { get; init; }

    public int? Parties { get; init; }

    public bool? HighRisk { get; init; }

    public bool? LongStanding { get; init; }

    /// <summary>The observed time of the case's first mediation, from signature to agreement or failure.</summary>
    public double? HandlingDays { get; init; }

    /// <summary>Whether the first mediation reached agreement (otherwise the case went up, or was referred at the city).</summary>
    public bool? Resolved { get; init; }

    /// <summary>A registered case as a log row: everything the intake carried, nothing observed after it.</summary>
    public static LoggedIntake Of(TimeSpan sinceStart, string unitId, CaseIntake intake) => new(sinceStart, unitId, intake.Type, intake.Channel)
    {
        AmountYuan = intake.AmountYuan,
        Parties = intake.Parties.Count,
        HighRisk = intake.HighRisk,
        LongStanding = intake.LongStanding,
    };
}
