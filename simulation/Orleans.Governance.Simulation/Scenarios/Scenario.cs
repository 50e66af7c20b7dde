using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Intake;

namespace Orleans.Governance.Simulation.Scenarios;

/// <summary>
/// A validated scenario (schema: docs/simulator.md): the city with its staffing and policy already
/// applied, the arrival processes, handling times, resolution probabilities and the run settings.
/// Arrays indexed by level are indexed by <see cref="Level"/> (grid = 0 … city = 4).
/// </summary>
public sealed record Scenario
{
    /// <summary>The longest horizon a scenario or a check may ask for: ten years.</summary>
    public const double MaxHorizonDays = 3_650;

    /// <summary>The most replications of one run (scenario file or command line).</summary>
    public const int MaxReplications = 10_000;

    public required string Name { get; init; }

    public long Seed { get; init; } = 1;

    public int Replications { get; init; } = 1;

    public double HorizonDays { get; init; } = 90;

    public double WarmUpDays { get; init; }

    public DateOnly StartDate { get; init; } = new(2026, 3, 2);

    /// <summary>The city as loaded, with the scenario's staffing and policy applied, validated.</summary>
    public required CityPlan City { get; init; }

    /// <summary>Cases per unit per day, by type, then by the level of the unit that registers them.</summary>
    public required IReadOnlyDictionary<CaseType, double[]> Arrivals { get; init; }

    /// <summary>Arrival multipliers Monday … Sunday.</summary>
    public double[] DayOfWeek { get; init; } = [1, 1, 1, 1, 1, 1, 1];

    /// <summary>Arrival multipliers January … December.</summary>
    public double[] Monthly { get; init; } = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];

    public IReadOnlyList<Surge> Surges { get; init; } = [];

    /// <summary>A city's own intake log (<c>replay</c>): when set, its cases arrive instead of <see cref="Arrivals"/>' processes.</summary>
    public IReadOnlyList<LoggedIntake>? IntakeLog { get; init; }

    public required DurationSpec?[] Handling { get; init; }

    public IReadOnlyDictionary<CaseType, DurationSpec?[]> HandlingByType { get; init; } = new Dictionary<CaseType, DurationSpec?[]>();

    public required double?[] Resolution { get; init; }

    public IReadOnlyDictionary<CaseType, double?[]> ResolutionByType { get; init; } = new Dictionary<CaseType, double?[]>();

    /// <summary>From assignment to signature (签收).</summary>
    public DurationSpec SignDelay { get; init; } = DurationSpec.Zero;

    /// <summary>From agreement or referral to closure (办结).</summary>
    public DurationSpec CloseDelay { get; init; } = DurationSpec.Zero;

    public double FollowUpShare { get; init; } = 1;

    public DurationSpec FollowUpDelay { get; init; } = new(DurationKind.Fixed, 1);

    /// <summary>Weights of satisfaction 1 … 5 after an agreement.</summary>
    public double[] SatisfactionResolved { get; init; } = [0.01, 0.01, 0.03, 0.15, 0.80];

    /// <summary>Weights of satisfaction 1 … 5 after a referral to arbitration or litigation.</summary>
    public double[] SatisfactionReferred { get; init; } = [0.10, 0.15, 0.35, 0.25, 0.15];

    public IReadOnlyDictionary<IntakeChannel, double> Channels { get; init; } = new Dictionary<IntakeChannel, double> { [IntakeChannel.GridPatrol] = 1 };

    public double HighRiskShare { get; init; }

    public double LongStandingShare { get; init; }

    /// <summary>Share of disputes with three to six parties (a group dispute: complex by policy).</summary>
    public double GroupShare { get; init; }

    /// <summary>Share of referrals at the top that go to litigation rather than arbitration.</summary>
    public double LitigationShare { get; init; } = 0.5;

    public DurationSpec HandlingFor(CaseType type, Level level) =>
        (HandlingByType.TryGetValue(type, out var byLevel) ? byLevel[(int)level] : null) ?? Handling[(int)level]!;

    public double ResolutionFor(CaseType type, Level level) =>
        (ResolutionByType.TryGetValue(type, out var byLevel) ? byLevel[(int)level] : null) ?? Resolution[(int)level]!.Value;
}
