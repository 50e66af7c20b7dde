using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Properties;

/// <summary>
/// The real thing the lifecycle machine drives: one case grain in a chain city of its own on the
/// shared cluster. Resolves the model's roles to actor ids, runs a step, and reports the first
/// way the grain, its receipt, its alarms, its deadlines or the units' figures differ from the model.
/// </summary>
public sealed class CaseUnderTest
{
    private const string RaiseAlarm = nameof(ICaseGrain.RaiseAlarmAsync);
    private static readonly TimeSpan s_alarmWait = TimeSpan.FromSeconds(5);

    private readonly ClusterFixture _fixture;
    private readonly CityPlan _plan;
    private readonly DateTimeOffset _start;

    private CaseUnderTest(ClusterFixture fixture, CityPlan plan, LifecycleModel initial)
    {
        _fixture = fixture;
        _plan = plan;
        _start = fixture.Clock.GetUtcNow();
        Before = initial;
    }

    public string CaseId { get; } = $"case-{Guid.NewGuid():N}";

    /// <summary>The model as it stood before the next step: roles are resolved against it.</summary>
    public LifecycleModel Before { get; private set; }

    /// <summary>Set at the first divergence; the steps after it are not run, so the report names the first one.</summary>
    public string? Divergence { get; private set; }

    private ICaseGrain Grain => _fixture.Client.GetGrain<ICaseGrain>(CaseId);

    public static CaseUnderTest Create(ClusterFixture fixture, GovernancePolicy policy)
    {
        var plan = fixture.LoadAsync(TestCities.Chain(policy)).GetAwaiter().GetResult();
        return new CaseUnderTest(fixture, plan, LifecycleModel.Initial(policy));
    }

    /// <summary>Runs <paramref name="step"/> and compares with <paramref name="expected"/>, the model after it.</summary>
    public string? Step(LifecycleStep step, LifecycleModel expected)
    {
        if (Divergence is null)
        {
            Divergence = StepAsync(step, expected).GetAwaiter().GetResult();
            if (Divergence is not null)
            {
                Divergence = $"after '{step}' on {CaseId}: {Divergence}";
            }
        }

        Before = expected;
        return Divergence;
    }

    private async Task<string?> StepAsync(LifecycleStep step, LifecycleModel expected)
    {
        CaseReceipt? receipt = null;
        if (step.Kind == StepKind.Advance)
        {
            _fixture.Clock.Advance(step.By);
            try
            {
                await _fixture.Calls.WaitAsync(CaseId, RaiseAlarm, expected.AlarmCalls, $"advance {step.By}").WaitAsync(s_alarmWait);
            }
            catch (TimeoutException)
            {
                return $"expected {expected.AlarmCalls} alarm message(s), {_fixture.Calls.Completed(CaseId, RaiseAlarm)} arrived within {s_alarmWait.TotalSeconds} s";
            }
        }
        else
        {
            receipt = await SendAsync(step);
        }

        return Compare(expected, receipt, await Grain.GetAsync()) ?? await CompareUnitsAsync(expected);
    }

    private Task<CaseReceipt> SendAsync(LifecycleStep step)
    {
        var level = Before.Level;
        var actor = Actor(step.Role, level);
        var unit = UnitAt(level);
        return step.Kind switch
        {
            StepKind.Register => Grain.RegisterAsync(
                CaseDriver.Report(_plan.At(step.Origin), step.Type, step.HighRisk) with { LongStanding = step.LongStanding },
                UnitAt(step.Origin) + "/desk"),
            StepKind.Accept => Grain.ExecuteAsync(new AcceptCase(actor)),
            StepKind.Session => Grain.ExecuteAsync(new HoldSession(actor, [])),
            StepKind.Resolve => Grain.ExecuteAsync(new ResolveCase(actor)),
            StepKind.Fail => Grain.ExecuteAsync(new FailCase(actor, "双方分歧较大")),
            StepKind.Escalate => Grain.EscalateAsync(actor, "调解不成，上报"),
            StepKind.Refer => Grain.ExecuteAsync(new ReferCase(actor, ReferralTarget.Litigation)),
            StepKind.Close => Grain.ExecuteAsync(new CloseCase(actor)),
            StepKind.FollowUp => Grain.ExecuteAsync(new FollowUpCase(actor, step.Satisfaction)),
            StepKind.UnitOnly => Grain.ExecuteAsync(step.UnitAction switch
            {
                CaseAction.Triage => new TriageCase(actor, Grade.Complex, null),
                CaseAction.Assign => new AssignCase(actor, MediatorAt(level)),
                CaseAction.WarnUnsigned => new WarnUnsigned(actor),
                CaseAction.Supervise => new SuperviseCase(actor, "overdue"),
                CaseAction.Register => new RegisterCase(actor, CaseDriver.Report(_plan.At(level))),
                _ => new EscalateCase(actor, EscalationKind.Overdue, UnitAt(level == Level.City ? level : level + 1), level + 1),
            }),
            _ => throw new InvalidOperationException($"{step} sends nothing."),
        };
    }

    private string? Compare(LifecycleModel m, CaseReceipt? receipt, CaseFile file)
    {
        var registered = m.Status != CaseStatus.New;
        var actual = (file.Status, Level: registered ? file.Level : (Level?)null, file.UnitId, file.MediatorId, file.Trail.Count,
            Last: file.Trail.Count > 0 ? file.Trail[^1].Action : (CaseAction?)null, LastAt: file.Trail.Count > 0 ? file.Trail[^1].At : (DateTimeOffset?)null);
        var expected = (m.Status, Level: registered ? m.Level : (Level?)null, UnitId: registered ? UnitAt(m.Level) : null, MediatorId: m.HasMediator ? MediatorAt(m.Level) : null,
            m.TrailLength, Last: m.LastAction, LastAt: m.LastAction is null ? null : (DateTimeOffset?)(_start + m.LastAt));
        if (actual != expected)
        {
            return $"case is {actual}, model says {expected}";
        }

        if (m.Outcome != StepOutcome.None)
        {
            var outcome = receipt!.Refusal is null ? StepOutcome.Accepted : StepOutcome.Refused;
            if (outcome != m.Outcome)
            {
                return $"receipt {outcome} ({receipt.Refusal?.Message}), model says {m.Outcome}";
            }

            if (receipt.Refusal is { } refusal && (refusal.Status, refusal.Attempted) != (m.Status, m.Attempted!.Value))
            {
                return $"refusal names ({refusal.Status}, {refusal.Attempted}), model says ({m.Status}, {m.Attempted})";
            }

            if ((receipt.Status, receipt.TrailLength) != (file.Status, file.Trail.Count))
            {
                return $"receipt says ({receipt.Status}, {receipt.TrailLength}) but the stored case is ({file.Status}, {file.Trail.Count})";
            }
        }

        var alarms = _fixture.Calls.Completed(CaseId, RaiseAlarm);
        if (alarms != m.AlarmCalls)
        {
            return $"{alarms} alarm message(s) arrived, model says {m.AlarmCalls}";
        }

        var deadlines = CaseDeadlines.From(file.Trail, m.Policy);
        var (signBy, closeBy, escalateBy) = m.Deadlines();
        var modelDeadlines = new CaseDeadlines(_start + signBy, _start + closeBy, _start + escalateBy);
        return deadlines == modelDeadlines ? null : $"trail gives deadlines {deadlines}, model says {modelDeadlines}";
    }

    private async Task<string?> CompareUnitsAsync(LifecycleModel m)
    {
        for (var level = Level.Grid; level <= Level.City; level++)
        {
            var f = await _fixture.Client.GetUnit(_plan.At(level).Ref).GetFiguresAsync();
            var actual = new UnitTally(f.Admitted, f.EscalatedOut, f.ResolvedHere, f.ReferredOut, f.ClosedHere, f.UnsignedWarnings, f.Overdue, f.SatisfactionCount, f.Open);
            if (actual != m.Units[(int)level])
            {
                return $"{level} figures are [{actual}], model says [{m.Units[(int)level]}]";
            }
        }

        return null;
    }

    private string UnitAt(Level level) => _plan.At(level).Id;

    private string MediatorAt(Level level) => _plan.At(level).Mediators[0].Id;

    private string Actor(ActorRole role, Level level) => role switch
    {
        ActorRole.Mediator => MediatorAt(level),
        ActorRole.UnitStaff => Actors.Person(UnitAt(level), "head"),
        ActorRole.Unit => UnitAt(level),
        ActorRole.OtherMediator => level == Level.Grid ? _plan.Units.Where(u => u.Level == Level.Grid).Skip(1).First().Mediators[0].Id : MediatorAt(level - 1),
        _ => Actors.Person(UnitAt(level == Level.City ? Level.County : level + 1), "head"),
    };

    public override string ToString() => $"case {CaseId} in city {_plan.Id}";
}
