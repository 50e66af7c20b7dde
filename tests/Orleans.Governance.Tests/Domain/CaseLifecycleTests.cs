using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Domain;

public sealed class CaseLifecycleTests
{
    /// <summary>The legal transitions: from a status, an action leads to a status.</summary>
    private static readonly Dictionary<(CaseStatus, CaseAction), CaseStatus> s_legal = new()
    {
        [(CaseStatus.New, CaseAction.Register)] = CaseStatus.Registered,
        [(CaseStatus.Registered, CaseAction.Triage)] = CaseStatus.Triaged,
        [(CaseStatus.Registered, CaseAction.Supervise)] = CaseStatus.Registered,
        [(CaseStatus.Triaged, CaseAction.Assign)] = CaseStatus.Assigned,
        [(CaseStatus.Triaged, CaseAction.Supervise)] = CaseStatus.Triaged,
        [(CaseStatus.Assigned, CaseAction.Accept)] = CaseStatus.Accepted,
        [(CaseStatus.Assigned, CaseAction.WarnUnsigned)] = CaseStatus.Assigned,
        [(CaseStatus.Assigned, CaseAction.Supervise)] = CaseStatus.Assigned,
        [(CaseStatus.Accepted, CaseAction.HoldSession)] = CaseStatus.InMediation,
        [(CaseStatus.Accepted, CaseAction.Fail)] = CaseStatus.Failed,
        [(CaseStatus.Accepted, CaseAction.Supervise)] = CaseStatus.Accepted,
        [(CaseStatus.InMediation, CaseAction.HoldSession)] = CaseStatus.InMediation,
        [(CaseStatus.InMediation, CaseAction.Resolve)] = CaseStatus.Resolved,
        [(CaseStatus.InMediation, CaseAction.Fail)] = CaseStatus.Failed,
        [(CaseStatus.InMediation, CaseAction.Supervise)] = CaseStatus.InMediation,
        [(CaseStatus.Failed, CaseAction.Escalate)] = CaseStatus.Registered,
        [(CaseStatus.Failed, CaseAction.Refer)] = CaseStatus.Referred,
        [(CaseStatus.Failed, CaseAction.Supervise)] = CaseStatus.Failed,
        [(CaseStatus.Resolved, CaseAction.Close)] = CaseStatus.Closed,
        [(CaseStatus.Referred, CaseAction.Close)] = CaseStatus.Closed,
        [(CaseStatus.Closed, CaseAction.FollowUp)] = CaseStatus.FollowedUp,
    };

    public static TheoryData<CaseStatus, CaseAction> EveryStatusAndAction()
    {
        var data = new TheoryData<CaseStatus, CaseAction>();
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            foreach (var action in Enum.GetValues<CaseAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndAction))]
    public void A_command_is_applied_exactly_when_the_transition_is_legal(CaseStatus status, CaseAction action)
    {
        var file = Cases.At(status);
        var command = Cases.AllCommands(file).Single(c => c.Action == action);

        var (next, refusal) = CaseLifecycle.Apply(file, command, Cases.T0.AddDays(1), Cases.Policy);

        if (s_legal.TryGetValue((status, action), out var expected))
        {
            Assert.Null(refusal);
            Assert.Equal(expected, next.Status);
            Assert.Equal(file.Trail.Count + 1, next.Trail.Count);
            var entry = next.Trail[^1];
            Assert.Equal(action, entry.Action);
            Assert.Equal(command.Actor, entry.Actor);
            Assert.Equal(Cases.T0.AddDays(1), entry.At);
        }
        else
        {
            Assert.NotNull(refusal);
            Assert.Same(file, next);
            Assert.Contains(status.ToString(), refusal.Message);
            Assert.Contains(action.ToString(), refusal.Message);
        }
    }

    [Fact]
    public void The_audit_trail_only_grows_and_keeps_earlier_entries()
    {
        var resolved = Cases.At(CaseStatus.FollowedUp);

        Assert.Equal(
            [CaseAction.Register, CaseAction.Triage, CaseAction.Assign, CaseAction.Accept, CaseAction.HoldSession, CaseAction.Resolve, CaseAction.Close, CaseAction.FollowUp],
            resolved.Trail.Select(e => e.Action));
        Assert.True(resolved.Trail.Zip(resolved.Trail.Skip(1)).All(p => p.First.At <= p.Second.At));
        Assert.Equal(4, resolved.Satisfaction);
    }

    [Theory]
    [InlineData(CaseStatus.Assigned, "u-village/m2")]
    [InlineData(CaseStatus.Assigned, "u-township/m1")]
    [InlineData(CaseStatus.Assigned, "u-village")]
    public void Only_the_assigned_mediator_signs_for_a_task(CaseStatus status, string actor)
    {
        var file = Cases.At(status);

        var (next, refusal) = CaseLifecycle.Apply(file, new AcceptCase(actor), Cases.T0, Cases.Policy);

        Assert.Same(file, next);
        Assert.Contains(Cases.Mediator, refusal!.Message);
        Assert.Contains(actor, refusal.Message);
    }

    [Fact]
    public void Staff_of_another_unit_cannot_close_a_case()
    {
        var file = Cases.At(CaseStatus.Resolved);

        var (_, refusal) = CaseLifecycle.Apply(file, new CloseCase("u-village-2/m1"), Cases.T0, Cases.Policy);

        Assert.NotNull(refusal);
        Assert.Contains("not staff of unit u-village", refusal.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Satisfaction_outside_one_to_five_is_refused(int satisfaction)
    {
        var file = Cases.At(CaseStatus.Closed);

        var (next, refusal) = CaseLifecycle.Apply(file, new FollowUpCase(Cases.Mediator, satisfaction), Cases.T0, Cases.Policy);

        Assert.Same(file, next);
        Assert.Contains("Satisfaction must be 1 to 5", refusal!.Message);
    }

    [Theory]
    [InlineData(Level.Township + 1)]
    [InlineData(Level.City)]
    [InlineData(Level.Village)]
    public void A_failure_escalation_goes_exactly_one_level_up(Level target)
    {
        var file = Cases.At(CaseStatus.Failed);

        var (_, refusal) = CaseLifecycle.Apply(file, new EscalateCase(Cases.Mediator, EscalationKind.Failure, "x", target), Cases.T0, Cases.Policy);

        Assert.NotNull(refusal);
        Assert.Contains("goes to Township", refusal.Message);
    }

    [Fact]
    public void A_case_at_the_city_cannot_be_escalated()
    {
        var file = Cases.At(CaseStatus.Failed) with { Level = Level.City };

        var (_, refusal) = CaseLifecycle.Apply(file, new EscalateCase(Cases.Mediator, EscalationKind.Failure, "x", Level.City), Cases.T0, Cases.Policy);

        Assert.Contains("already at the city", refusal!.Message);
    }

    [Fact]
    public void A_high_risk_case_is_raised_straight_to_the_policy_level_skipping_the_levels_between()
    {
        var file = Cases.At(CaseStatus.Registered) with { Level = Level.Grid };
        file = CaseLifecycle.Apply(file, new TriageCase(Cases.Unit, Grade.HighRisk, null), Cases.T0, Cases.Policy).File;
        Assert.True(EscalationPath.NeedsHighRiskRaise(file, Cases.Policy));

        var skipping = CaseLifecycle.Apply(file, new EscalateCase(Cases.Unit, EscalationKind.HighRiskRaise, "u-county", Level.County), Cases.T0, Cases.Policy);
        var normal = CaseLifecycle.Apply(Cases.At(CaseStatus.Triaged), new EscalateCase(Cases.Unit, EscalationKind.HighRiskRaise, "u-county", Level.County), Cases.T0, Cases.Policy);

        Assert.Null(skipping.Refusal);
        Assert.Equal((Level.County, CaseStatus.Registered, "u-county"), (skipping.File.Level, skipping.File.Status, skipping.File.UnitId));
        Assert.Contains("Only a high-risk case", normal.Refusal!.Message);
    }

    [Fact]
    public void Escalation_resets_the_handling_at_the_new_level()
    {
        var failed = Cases.At(CaseStatus.Failed);

        var (escalated, _) = CaseLifecycle.Apply(failed, new EscalateCase(Cases.Mediator, EscalationKind.Failure, "u-township", Level.Township, "需乡镇协调"), Cases.T0.AddDays(1), Cases.Policy);

        Assert.Equal(CaseStatus.Registered, escalated.Status);
        Assert.Equal("u-township", escalated.UnitId);
        Assert.Null(escalated.MediatorId);
        Assert.Null(escalated.Grade);
        Assert.Equal(EscalationKind.Failure, escalated.Trail[^1].Escalation);
        Assert.Equal("需乡镇协调", escalated.Trail[^1].Reason);
    }
}
