using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Domain.Warnings;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Domain;

public sealed class UnitDeskTests
{
    private static readonly GovernancePolicy s_policy = new();

    private static UnitProfile Township(params MediatorProfile[] mediators) =>
        new("t", "某镇", Level.Township, [new UnitRef("c", Level.County), new UnitRef("city", Level.City)], [], mediators, [], s_policy);

    private static CaseFacts Facts(string id, CaseType type = CaseType.Labour, bool highRisk = false) =>
        new(id, type, IntakeChannel.WalkIn, highRisk, false, 0, 1, Cases.T0);

    [Fact]
    public void Assigns_to_the_least_loaded_mediator_with_the_skill()
    {
        var desk = new UnitDesk(Township(new MediatorProfile("t/m1", [CaseType.Neighbour], 2), new MediatorProfile("t/m2", [CaseType.Labour], 2), new MediatorProfile("t/m3", [CaseType.Labour], 2)), new DeskState());

        var first = desk.Admit(Facts("a"), Cases.T0);
        var second = desk.Admit(Facts("b"), Cases.T0);
        var neighbour = desk.Admit(Facts("c", CaseType.Neighbour), Cases.T0);

        Assert.Equal("t/m2", first.MediatorId);
        Assert.Equal("t/m3", second.MediatorId);
        Assert.Equal("t/m1", neighbour.MediatorId);
    }

    [Fact]
    public void A_roll_up_raises_the_units_own_warnings_on_its_subtree_and_passes_its_childrens_on()
    {
        var desk = new UnitDesk(Township(new MediatorProfile("t/m1", [CaseType.Labour], 100)), new DeskState());
        for (var day = 0; day < 40; day++)
        {
            // One labour case a day registered here, ten on the last day.
            for (var i = 0; i < (day == 39 ? 10 : 1); i++)
            {
                var at = Cases.T0.AddDays(day);
                desk.Admit(Facts($"{day}-{i}") with { RegisteredAt = at, ReceivedBy = "t" }, at);
            }
        }

        desk.Admit(Facts("escalated-in") with { ReceivedBy = "grid" }, Cases.T0);
        var childWarning = new EarlyWarning("v", Level.Village, CaseType.Neighbour, default, default, 5, 1, 1e-7, default);
        var child = new DailyRollup(new ActivitySeries(null, []), [childWarning]);
        var lastDay = CentreDays.DateOf(Cases.T0.AddDays(39));

        var rollup = desk.Rollup(lastDay, [child]);

        Assert.Equal(49, rollup.Series.ArrivalsOf(CaseType.Labour, DateOnly.MinValue, DateOnly.MaxValue));
        var own = rollup.Warnings[0];
        Assert.Equal(("t", CaseType.Labour, 10, lastDay), (own.UnitId, own.Type, own.Observed, own.Since));
        Assert.Equal(childWarning, rollup.Warnings[1]);
    }

    [Fact]
    public void A_type_nobody_here_specialises_in_goes_to_any_free_mediator()
    {
        var desk = new UnitDesk(Township(new MediatorProfile("t/m1", [CaseType.Labour], 1)), new DeskState());

        Assert.Equal("t/m1", desk.Admit(Facts("a", CaseType.TrafficAccident), Cases.T0).MediatorId);
    }

    [Fact]
    public void Queues_when_busy_and_gives_the_oldest_queued_case_to_the_freed_mediator()
    {
        var desk = new UnitDesk(Township(new MediatorProfile("t/m1", [CaseType.Labour], 1)), new DeskState());
        desk.Admit(Facts("a"), Cases.T0);

        var b = desk.Admit(Facts("b"), Cases.T0.AddMinutes(1));
        var c = desk.Admit(Facts("c"), Cases.T0.AddMinutes(2));
        Assert.Null(b.MediatorId);
        Assert.Null(c.MediatorId);
        Assert.Equal(2, desk.QueueLength);

        desk.Track(new CaseChange("a", CaseAction.Accept, Cases.T0.AddHours(1)));
        desk.Track(new CaseChange("a", CaseAction.HoldSession, Cases.T0.AddHours(2)));
        var assignments = desk.Track(new CaseChange("a", CaseAction.Resolve, Cases.T0.AddHours(3)));

        Assert.Equal([new QueuedAssignment("b", "t/m1")], assignments);
        Assert.Equal(1, desk.QueueLength);
    }

    [Fact]
    public void High_risk_cases_jump_the_queue()
    {
        var desk = new UnitDesk(Township(new MediatorProfile("t/m1", [CaseType.Labour], 1)) with { Level = Level.County }, new DeskState());
        desk.Admit(Facts("a"), Cases.T0);
        desk.Admit(Facts("b"), Cases.T0);
        desk.Admit(Facts("risk", highRisk: true), Cases.T0);

        desk.Track(new CaseChange("a", CaseAction.Accept, Cases.T0));
        var assignments = desk.Track(new CaseChange("a", CaseAction.Fail, Cases.T0));

        Assert.Equal("risk", Assert.Single(assignments).CaseId);
    }

    [Fact]
    public void A_high_risk_case_below_the_raise_level_is_not_assigned_here()
    {
        var desk = new UnitDesk(Township(new MediatorProfile("t/m1", [CaseType.Labour], 1)), new DeskState());

        var admission = desk.Admit(Facts("risk", highRisk: true), Cases.T0);

        Assert.Equal(Grade.HighRisk, admission.Triage.Grade);
        Assert.Null(admission.MediatorId);
        Assert.Equal(0, desk.QueueLength);
    }

    [Fact]
    public void Each_alarm_fires_once_at_its_time_and_the_index_wakes_at_the_earliest()
    {
        var desk = new UnitDesk(Township(new MediatorProfile("t/m1", [CaseType.Labour], 1)), new DeskState());
        desk.Admit(Facts("a", CaseType.Neighbour), Cases.T0);
        Assert.Equal(Cases.T0.AddHours(24), desk.NextDueAt);

        Assert.Empty(desk.TakeDueAlarms(Cases.T0.AddHours(23)));
        var warning = Assert.Single(desk.TakeDueAlarms(Cases.T0.AddHours(24)));
        Assert.Empty(desk.TakeDueAlarms(Cases.T0.AddHours(25)));
        var overdue = desk.TakeDueAlarms(Cases.T0.AddDays(3));
        var escalate = desk.TakeDueAlarms(Cases.T0.AddDays(10));

        Assert.Equal(DeadlineKind.SignWarning, warning.Kind);
        Assert.Equal(DeadlineKind.Overdue, Assert.Single(overdue).Kind);
        Assert.Equal(DeadlineKind.OverdueEscalation, Assert.Single(escalate).Kind);
        Assert.Null(desk.NextDueAt);
        var figures = desk.Figures();
        Assert.Equal((1, 1), (figures.UnsignedWarnings, figures.Overdue));
    }

    [Fact]
    public void A_rebuilt_desk_does_not_fire_alarms_again_and_keeps_its_queue()
    {
        var profile = Township(new MediatorProfile("t/m1", [CaseType.Labour], 1));
        var desk = new UnitDesk(profile, new DeskState());
        desk.Admit(Facts("a"), Cases.T0);
        desk.Admit(Facts("b"), Cases.T0);
        desk.TakeDueAlarms(Cases.T0.AddHours(24));

        var rebuilt = new UnitDesk(profile, desk.State);

        Assert.Equal(1, rebuilt.QueueLength);
        Assert.Empty(rebuilt.TakeDueAlarms(Cases.T0.AddHours(24)));
        Assert.Equal(Cases.T0.AddDays(7), rebuilt.NextDueAt);
    }

    [Fact]
    public void Signing_or_resolving_disarms_the_alarms_of_the_case()
    {
        var desk = new UnitDesk(Township(new MediatorProfile("t/m1", [CaseType.Labour], 1)), new DeskState());
        desk.Admit(Facts("a"), Cases.T0);

        desk.Track(new CaseChange("a", CaseAction.Accept, Cases.T0.AddHours(1)));
        Assert.Equal(Cases.T0.AddDays(7), desk.NextDueAt);
        desk.Track(new CaseChange("a", CaseAction.HoldSession, Cases.T0.AddHours(2)));
        desk.Track(new CaseChange("a", CaseAction.Resolve, Cases.T0.AddHours(3)));

        Assert.Null(desk.NextDueAt);
    }

    [Fact]
    public void Unsigned_assignments_and_unfinished_overdue_escalations_are_what_a_reactivated_unit_re_sends()
    {
        var desk = new UnitDesk(Township(new MediatorProfile("t/m1", [CaseType.Labour], 2)), new DeskState());
        desk.Admit(Facts("signed"), Cases.T0);
        desk.Admit(Facts("unsigned"), Cases.T0);
        desk.Admit(Facts("queued"), Cases.T0);
        desk.Track(new CaseChange("signed", CaseAction.Accept, Cases.T0.AddHours(1)));
        desk.TakeDueAlarms(Cases.T0.AddDays(10));

        var (assignments, escalations) = new UnitDesk(desk.Profile, desk.State).Unconfirmed();

        Assert.Equal([new QueuedAssignment("unsigned", "t/m1")], assignments);
        Assert.Equal(["queued", "signed", "unsigned"], escalations.Order());
    }

    [Fact]
    public void Figures_count_what_happened_here()
    {
        var desk = new UnitDesk(Township(new MediatorProfile("t/m1", [CaseType.Labour], 2)), new DeskState());
        desk.Admit(Facts("a"), Cases.T0);
        desk.Admit(Facts("b"), Cases.T0);
        desk.Track(new CaseChange("a", CaseAction.Accept, Cases.T0.AddHours(2)));
        desk.Track(new CaseChange("a", CaseAction.HoldSession, Cases.T0.AddHours(3)));
        desk.Track(new CaseChange("a", CaseAction.Resolve, Cases.T0.AddHours(4)));
        desk.Track(new CaseChange("a", CaseAction.Close, Cases.T0.AddDays(1)));
        desk.Track(new CaseChange("a", CaseAction.FollowUp, Cases.T0.AddDays(2), 4));
        desk.Release("b", Cases.T0.AddDays(1));

        var figures = desk.Figures();

        Assert.Equal((2L, 1L, 1L, 1L, 0L), (figures.Admitted, figures.ResolvedHere, figures.ClosedHere, figures.EscalatedOut, figures.Open));
        Assert.Equal(4.0, figures.MeanSatisfaction);
        Assert.Equal(1.0, figures.MeanDaysToClose, 3);
        Assert.Equal(120, figures.WaitBeforeAcceptance.MeanMinutes, 3);
    }

    [Fact]
    public void A_closed_case_is_let_go_at_once_and_its_follow_up_counts_once_even_when_re_sent()
    {
        var desk = new UnitDesk(Township(new MediatorProfile("t/m1", [CaseType.Labour], 1)), new DeskState());
        desk.Admit(Facts("a"), Cases.T0);
        desk.Track(new CaseChange("a", CaseAction.Accept, Cases.T0.AddHours(1)));
        desk.Track(new CaseChange("a", CaseAction.HoldSession, Cases.T0.AddHours(2)));
        desk.Track(new CaseChange("a", CaseAction.Resolve, Cases.T0.AddHours(3)));

        desk.Track(new CaseChange("a", CaseAction.Close, Cases.T0.AddDays(1)));
        desk.Track(new CaseChange("a", CaseAction.Close, Cases.T0.AddDays(1)));

        Assert.False(desk.Holds("a"));
        Assert.Empty(desk.State.Open);
        desk.Track(new CaseChange("a", CaseAction.FollowUp, Cases.T0.AddDays(3), 2));
        desk.Track(new CaseChange("a", CaseAction.FollowUp, Cases.T0.AddDays(3), 2));
        var figures = desk.Figures();
        Assert.Equal((1L, 1L, 2.0), (figures.ClosedHere, figures.SatisfactionCount, figures.MeanSatisfaction));
    }

    [Fact]
    public void Counted_follow_ups_are_remembered_for_a_week_then_forgotten()
    {
        var desk = new UnitDesk(Township(new MediatorProfile("t/m1", [CaseType.Labour], 1)), new DeskState());
        desk.Track(new CaseChange("old", CaseAction.FollowUp, Cases.T0, 5));
        desk.Track(new CaseChange("recent", CaseAction.FollowUp, Cases.T0.AddDays(UnitDesk.FollowUpMemoryDays), 5));

        desk.Track(new CaseChange("new", CaseAction.FollowUp, Cases.T0.AddDays(UnitDesk.FollowUpMemoryDays + 1), 5));

        Assert.Equal(["new", "recent"], desk.State.FollowUpsCounted.Keys.Order());
        Assert.Equal(3L, desk.Figures().SatisfactionCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("accept")]
    [InlineData("accept hold")]
    [InlineData("accept hold fail")]
    [InlineData("accept hold resolve")]
    [InlineData("accept hold fail refer")]
    public void A_released_case_reinstated_by_its_file_leaves_the_desk_as_it_was_before_the_release(string steps)
    {
        // No overdue escalation: the release stands for any escalation, the alarms for what the trail records.
        var profile = Township(new MediatorProfile("t/m1", [CaseType.Labour], 1)) with { Policy = new GovernancePolicy { OverdueEscalationDays = null } };
        var desk = new UnitDesk(profile, new DeskState());
        var facts = Facts("a");
        var admission = desk.Admit(facts, Cases.T0);
        var mediator = admission.MediatorId!;
        var file = Drive(CaseFile.Empty("a"), Cases.T0, new RegisterCase("t", Cases.Intake(CaseType.Labour, "t", Level.Township)), admission.Triage, new AssignCase("t", mediator));
        var at = Cases.T0;
        foreach (var step in steps.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            at = at.AddHours(1);
            CaseCommand command = step switch
            {
                "accept" => new AcceptCase(mediator),
                "hold" => new HoldSession(mediator, []),
                "fail" => new FailCase(mediator, "no agreement"),
                "resolve" => new ResolveCase(mediator),
                _ => new ReferCase(mediator, ReferralTarget.Litigation),
            };
            file = Drive(file, at, command);
            desk.Track(new CaseChange("a", file.Trail[^1].Action, at));
        }

        foreach (var alarm in desk.TakeDueAlarms(Cases.T0.AddDays(30)))
        {
            file = Drive(file, alarm.DueAt, alarm.Kind == DeadlineKind.SignWarning ? new WarnUnsigned("t") : new SuperviseCase("t", "deadline passed"));
        }

        var before = Snapshot(desk);

        desk.Release("a", Cases.T0.AddDays(31));
        Assert.Equal((1L, 0L), (desk.Figures().EscalatedOut, desk.Figures().Open));
        var assignments = desk.Reinstate(facts, file, Cases.T0.AddDays(32));
        desk.Reinstate(facts, file, Cases.T0.AddDays(33));

        Assert.Empty(assignments);
        Assert.Equal(before, Snapshot(desk));
        Assert.Equal(before, Snapshot(new UnitDesk(desk.Profile, desk.State)));
    }

    [Fact]
    public void A_queued_case_reinstated_while_a_mediator_is_free_is_assigned_at_once()
    {
        var desk = new UnitDesk(Township(new MediatorProfile("t/m1", [CaseType.Labour], 1)), new DeskState());
        desk.Admit(Facts("a"), Cases.T0);
        var queued = desk.Admit(Facts("b"), Cases.T0);
        var file = Drive(CaseFile.Empty("b"), Cases.T0, new RegisterCase("t", Cases.Intake(CaseType.Labour, "t", Level.Township)), queued.Triage);
        desk.Release("b", Cases.T0.AddHours(1));
        desk.Track(new CaseChange("a", CaseAction.Accept, Cases.T0.AddHours(2)));
        desk.Track(new CaseChange("a", CaseAction.HoldSession, Cases.T0.AddHours(3)));
        desk.Track(new CaseChange("a", CaseAction.Resolve, Cases.T0.AddHours(4)));

        var assignments = desk.Reinstate(Facts("b"), file, Cases.T0.AddHours(5));

        Assert.Null(queued.MediatorId);
        Assert.Equal([new QueuedAssignment("b", "t/m1")], assignments);
        Assert.Equal(["b"], desk.Worklist(Worklist.Assigned).Select(i => i.CaseId));
        Assert.Empty(desk.Worklist(Worklist.Queue));
        Assert.Equal((2L, 0L), (desk.Figures().Admitted, desk.Figures().EscalatedOut));
    }

    private static CaseFile Drive(CaseFile file, DateTimeOffset at, params CaseCommand[] commands)
    {
        foreach (var command in commands)
        {
            var (next, refusal) = CaseLifecycle.Apply(file, command, at, s_policy);
            Assert.Null(refusal);
            file = next;
        }

        return file;
    }

    /// <summary>Everything a desk shows: its figures, its worklists with their deadlines, and its next alarm.</summary>
    private static string Snapshot(UnitDesk desk)
    {
        var f = desk.Figures();
        var lists = Enum.GetValues<Worklist>().Select(list => string.Join(",", desk.Worklist(list, "t/m1")));
        return $"{f.Admitted} {f.EscalatedOut} {f.Open} {f.UnsignedWarnings} {f.Overdue} {string.Join(",", f.OpenByStatus)} | {string.Join(" | ", lists)} | {desk.NextDueAt:O} {desk.QueueLength}";
    }

    [Fact]
    public void A_desk_stored_with_closed_cases_lets_them_go_when_it_is_built()
    {
        var state = new DeskState();
        var stored = new UnitDesk(Township(new MediatorProfile("t/m1", [CaseType.Labour], 1)), state);
        stored.Admit(Facts("open"), Cases.T0);
        state.Open["closed"] = new OpenCase { CaseId = "closed", Type = CaseType.Labour, Grade = Grade.Simple, Status = CaseStatus.Closed, RegisteredAt = Cases.T0, AdmittedAt = Cases.T0 };

        var rebuilt = new UnitDesk(Township(new MediatorProfile("t/m1", [CaseType.Labour], 1)), state);

        Assert.Equal(["open"], rebuilt.State.Open.Keys);
        Assert.Equal(1L, rebuilt.Figures().Open);
    }
}
