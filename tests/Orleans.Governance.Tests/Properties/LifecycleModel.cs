using System.Collections.Immutable;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Jurisdiction;
using CaseGrade = Orleans.Governance.Domain.Cases.Grade;

namespace Orleans.Governance.Tests.Properties;

/// <summary>
/// An independent, deliberately small model of one case in a chain city (one unit per level, one
/// mediator per unit): who may do what in which status, what the audit trail grows by, which
/// deadline alarms the holding unit's watch fires, and what each unit's figures count. Written
/// from the rules as stated (issue 5, the XML docs of the commands), not from
/// <see cref="CaseLifecycle"/> or <see cref="UnitDesk"/>. Times are offsets from the run's start.
/// </summary>
public sealed record LifecycleModel
{
    private static readonly CaseStatus[] s_active = [CaseStatus.Registered, CaseStatus.Triaged, CaseStatus.Assigned, CaseStatus.Accepted, CaseStatus.InMediation, CaseStatus.Failed];

    public required GovernancePolicy Policy { get; init; }

    public CaseStatus Status { get; init; } = CaseStatus.New;

    public Level Level { get; init; }

    public Grade? Grade { get; init; }

    /// <summary>The holding unit's mediator holds the task.</summary>
    public bool HasMediator { get; init; }

    /// <summary>The mediator signed for the task at this level.</summary>
    public bool Signed { get; init; }

    public int TrailLength { get; init; }

    public CaseAction? LastAction { get; init; }

    public TimeSpan Now { get; init; }

    public TimeSpan LastAt { get; init; }

    /// <summary>Arrival (triage) at the current level.</summary>
    public TimeSpan ArrivedAt { get; init; }

    public TimeSpan AssignedAt { get; init; }

    /// <summary>Alarms armed at the holding unit and not fired yet.</summary>
    public ImmutableList<ArmedAlarm> Alarms { get; init; } = [];

    /// <summary>Alarm messages the case has received (each fired alarm is one message, even a stale one).</summary>
    public int AlarmCalls { get; init; }

    /// <summary>Indexed by level: grid, village, township, county, city.</summary>
    public ImmutableList<UnitTally> Units { get; init; } = [.. Enumerable.Repeat(default(UnitTally), 5)];

    /// <summary>Each actor's latest trail entry (actors named by role and level: <see cref="ActorOf"/>).</summary>
    public ImmutableDictionary<string, CaseAction> LatestBy { get; init; } = ImmutableDictionary<string, CaseAction>.Empty;

    /// <summary>The registration's intake (origin, type, risk, long-standing): a retry sends the same.</summary>
    public (Level Origin, CaseType Type, bool HighRisk, bool LongStanding)? Intake { get; init; }

    public StepOutcome Outcome { get; init; }

    public CaseAction? Attempted { get; init; }

    public bool IsActive => Array.IndexOf(s_active, Status) >= 0;

    public static LifecycleModel Initial(GovernancePolicy policy) => new() { Policy = policy };

    /// <summary>The grade triage gives the generated intakes (two parties, no amount).</summary>
    public static Grade GradeOf(LifecycleStep register) =>
        register.HighRisk ? CaseGrade.HighRisk
        : register.LongStanding ? CaseGrade.LongStanding
        : register.Type switch
        {
            CaseType.Neighbour => CaseGrade.Simple,
            CaseType.ConstructionPayment => CaseGrade.Complex,
            CaseType.Labour => CaseGrade.Normal,
            _ => throw new ArgumentOutOfRangeException(nameof(register), register.Type, "The model knows three case types."),
        };

    public TimeSpan TimeLimit(Grade grade) => TimeSpan.FromDays(grade switch
    {
        CaseGrade.Simple => Policy.SimpleDays,
        CaseGrade.Normal => Policy.NormalDays,
        CaseGrade.Complex => Policy.ComplexDays,
        CaseGrade.HighRisk => Policy.HighRiskDays,
        _ => Policy.LongStandingDays,
    });

    /// <summary>The deadlines the case's trail should give now (null when it has none).</summary>
    public (TimeSpan? SignBy, TimeSpan? CloseBy, TimeSpan? EscalateBy) Deadlines()
    {
        if (!IsActive || Grade is not { } grade)
        {
            return (null, null, null);
        }

        var closeBy = ArrivedAt + TimeLimit(grade);
        return (Signed || !HasMediator ? null : AssignedAt + TimeSpan.FromHours(Policy.SignWarningHours), closeBy,
            Policy.OverdueEscalationDays is { } grace ? closeBy + TimeSpan.FromDays(grace) : null);
    }

    /// <summary>The model after <paramref name="step"/>.</summary>
    public LifecycleModel Run(LifecycleStep step)
    {
        if (step.Kind == StepKind.Advance)
        {
            return AdvanceBy(step.By) with { Outcome = StepOutcome.None, Attempted = null };
        }

        if (Allows(step))
        {
            return Execute(step) with { Outcome = StepOutcome.Accepted, Attempted = step.Action };
        }

        // A retry (the answer to the first try was lost) is answered as before and changes nothing.
        return this with { Outcome = IsRetry(step) ? StepOutcome.Accepted : StepOutcome.Refused, Attempted = step.Action };
    }

    /// <summary>Who a role is at <paramref name="level"/>; the real ids are resolved the same way by <see cref="CaseUnderTest"/>.</summary>
    public static string ActorOf(ActorRole role, Level level) => role switch
    {
        ActorRole.Mediator => $"mediator@{level}",
        ActorRole.UnitStaff => $"head@{level}",
        ActorRole.Unit => $"unit@{level}",
        ActorRole.OtherMediator => level == Level.Grid ? "worker@grid2" : $"mediator@{level - 1}",
        _ => $"head@{(level == Level.City ? Level.County : level + 1)}",
    };

    /// <summary>A registration with the same intake, or a person's command whose action is that person's latest entry (sessions excepted).</summary>
    private bool IsRetry(LifecycleStep step) => step.Kind switch
    {
        StepKind.Register => Intake == (step.Origin, step.Type, step.HighRisk, step.LongStanding),
        StepKind.UnitOnly or StepKind.Session => false,
        _ => LatestBy.TryGetValue(ActorOf(step.Role, Level), out var latest) && latest == step.Action,
    };

    private bool Allows(LifecycleStep step)
    {
        if (step.Kind == StepKind.Register)
        {
            return Status == CaseStatus.New;
        }

        if (step.Kind == StepKind.UnitOnly || Status == CaseStatus.New)
        {
            return false;
        }

        var mediator = step.Role == ActorRole.Mediator;
        var staff = step.Role is ActorRole.Mediator or ActorRole.UnitStaff or ActorRole.Unit;
        return step.Kind switch
        {
            StepKind.Accept => mediator && Status == CaseStatus.Assigned,
            StepKind.Session => mediator && Status is CaseStatus.Accepted or CaseStatus.InMediation,
            StepKind.Resolve => mediator && Status == CaseStatus.InMediation,
            StepKind.Fail => mediator && Status is CaseStatus.Accepted or CaseStatus.InMediation,
            StepKind.Escalate => staff && Status == CaseStatus.Failed && Level < Level.City,
            StepKind.Refer => staff && Status == CaseStatus.Failed,
            StepKind.Close => staff && Status is CaseStatus.Resolved or CaseStatus.Referred,
            StepKind.FollowUp => staff && Status == CaseStatus.Closed && step.Satisfaction is >= 1 and <= 5,
            _ => false,
        };
    }

    private LifecycleModel Execute(LifecycleStep step) => Execute(step, ActorOf(step.Role, Level));

    private LifecycleModel Execute(LifecycleStep step, string actor) => step.Kind switch
    {
        StepKind.Register => Register(step),
        StepKind.Accept => Append(CaseAction.Accept, actor) with { Status = CaseStatus.Accepted, Signed = true, Alarms = Alarms.RemoveAll(a => a.Kind == DeadlineKind.SignWarning) },
        StepKind.Session => Append(CaseAction.HoldSession, actor) with { Status = CaseStatus.InMediation },
        StepKind.Resolve => Append(CaseAction.Resolve, actor).Count(Level, t => t with { Resolved = t.Resolved + 1 }) with { Status = CaseStatus.Resolved, Alarms = [] },
        StepKind.Fail => Append(CaseAction.Fail, actor) with { Status = CaseStatus.Failed },
        StepKind.Escalate => EscalateOneLevel(actor),
        StepKind.Refer => Append(CaseAction.Refer, actor).Count(Level, t => t with { Referred = t.Referred + 1 }) with { Status = CaseStatus.Referred, Alarms = [] },
        StepKind.Close => Append(CaseAction.Close, actor).Count(Level, t => t with { Closed = t.Closed + 1, Open = t.Open - 1 }) with { Status = CaseStatus.Closed },
        StepKind.FollowUp => Append(CaseAction.FollowUp, actor).Count(Level, t => t with { Satisfactions = t.Satisfactions + 1 }) with { Status = CaseStatus.FollowedUp },
        _ => throw new InvalidOperationException($"{step} is never accepted."),
    };

    /// <summary>Registered and triaged where it was received; raised at once if high-risk below the policy's level.</summary>
    private LifecycleModel Register(LifecycleStep step)
    {
        var grade = GradeOf(step);
        var here = (this with { Level = step.Origin, Grade = grade, Status = CaseStatus.Registered, Intake = (step.Origin, step.Type, step.HighRisk, step.LongStanding) })
            .Append(CaseAction.Register, $"desk@{step.Origin}").Admit();
        if (grade == CaseGrade.HighRisk && step.Origin < Policy.HighRiskRaiseTo)
        {
            return here.Leave().Append(CaseAction.Escalate, here.Unit, Policy.HighRiskRaiseTo).Admit().AssignHere();
        }

        return here.AssignHere();
    }

    private LifecycleModel EscalateOneLevel(string actor) => Leave().Append(CaseAction.Escalate, actor, Level + 1).Admit().AssignHere();

    /// <summary>The holding unit as an actor (its triage, assignment, watch and raises).</summary>
    private string Unit => ActorOf(ActorRole.Unit, Level);

    /// <summary>The holding unit releases the case: its alarms go with it.</summary>
    private LifecycleModel Leave() =>
        Count(Level, t => t with { EscalatedOut = t.EscalatedOut + 1, Open = t.Open - 1 }) with { Alarms = [], HasMediator = false, Signed = false };

    private LifecycleModel Admit() =>
        (Append(CaseAction.Triage, Unit) with { Status = CaseStatus.Triaged, ArrivedAt = Now })
            .Count(Level, t => t with { Admitted = t.Admitted + 1, Open = t.Open + 1 });

    /// <summary>Every unit of a chain has a free mediator for a lone case: assigned at once, alarms armed.</summary>
    private LifecycleModel AssignHere()
    {
        var limit = TimeLimit(Grade!.Value);
        var alarms = ImmutableList.Create(
            new ArmedAlarm(Now + TimeSpan.FromHours(Policy.SignWarningHours), DeadlineKind.SignWarning),
            new ArmedAlarm(Now + limit, DeadlineKind.Overdue));
        if (Policy.OverdueEscalationDays is { } grace && Level != Level.City)
        {
            alarms = alarms.Add(new ArmedAlarm(Now + limit + TimeSpan.FromDays(grace), DeadlineKind.OverdueEscalation));
        }

        return Append(CaseAction.Assign, Unit) with { Status = CaseStatus.Assigned, HasMediator = true, Signed = false, AssignedAt = Now, Alarms = alarms };
    }

    private LifecycleModel AdvanceBy(TimeSpan by)
    {
        var now = Now + by;
        var due = Alarms.Where(a => a.Due <= now).OrderBy(a => a.Due).ThenBy(a => a.Kind).ToList();
        var model = this with { Now = now, Alarms = Alarms.RemoveAll(a => a.Due <= now) };
        foreach (var alarm in due)
        {
            model = model.Fire(alarm.Kind);
        }

        return model;
    }

    /// <summary>The unit counts the alarm when it fires; the case appends it only if it still applies.</summary>
    private LifecycleModel Fire(DeadlineKind kind)
    {
        var model = this with { AlarmCalls = AlarmCalls + 1 };
        switch (kind)
        {
            case DeadlineKind.SignWarning:
                model = model.Count(Level, t => t with { Warnings = t.Warnings + 1 });
                return Status == CaseStatus.Assigned ? model.Append(CaseAction.WarnUnsigned, Unit) : model;
            case DeadlineKind.Overdue:
                model = model.Count(Level, t => t with { Overdue = t.Overdue + 1 });
                return IsActive ? model.Append(CaseAction.Supervise, Unit) : model;
            default:
                var inProgress = Status is CaseStatus.Triaged or CaseStatus.Assigned or CaseStatus.Accepted or CaseStatus.InMediation or CaseStatus.Failed;
                return inProgress && Level < Level.City ? model.EscalateOneLevel(Unit) : model;
        }
    }

    private LifecycleModel Append(CaseAction action, string actor, Level? level = null) =>
        this with { TrailLength = TrailLength + 1, LastAction = action, LastAt = Now, Level = level ?? Level, LatestBy = LatestBy.SetItem(actor, action) };

    private LifecycleModel Count(Level level, Func<UnitTally, UnitTally> change) =>
        this with { Units = Units.SetItem((int)level, change(Units[(int)level])) };

    public override string ToString() =>
        $"{Status} at {Level}{(Grade is { } g ? $" ({g})" : "")}, trail {TrailLength} last {LastAction?.ToString() ?? "-"}@{LastAt.TotalHours:0.#}h, "
        + $"{Outcome}{(Attempted is { } a && Outcome == StepOutcome.Refused ? $" {a}" : "")}, t={Now.TotalHours:0.#}h, alarms [{string.Join(' ', Alarms)}] calls {AlarmCalls}";
}
