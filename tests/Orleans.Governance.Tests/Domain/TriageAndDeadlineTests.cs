using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Domain;

public sealed class TriageAndDeadlineTests
{
    private static CaseFacts Facts(CaseType type, long amount = 0, int parties = 1, bool highRisk = false, bool longStanding = false) =>
        new("c", type, IntakeChannel.WalkIn, highRisk, longStanding, amount, parties, Cases.T0);

    [Theory]
    [InlineData(CaseType.Neighbour, 0, 1, false, false, Grade.Simple)]
    [InlineData(CaseType.Labour, 0, 1, false, false, Grade.Normal)]
    [InlineData(CaseType.Labour, 100_000, 1, false, false, Grade.Complex)]
    [InlineData(CaseType.Neighbour, 0, 3, false, false, Grade.Complex)]
    [InlineData(CaseType.ConstructionPayment, 0, 1, false, false, Grade.Complex)]
    [InlineData(CaseType.Neighbour, 0, 1, false, true, Grade.LongStanding)]
    [InlineData(CaseType.Neighbour, 0, 1, true, true, Grade.HighRisk)]
    public void Triage_grades_by_risk_history_amount_parties_and_nature(CaseType type, long amount, int parties, bool highRisk, bool longStanding, Grade expected) =>
        Assert.Equal(expected, Triage.GradeOf(Facts(type, amount, parties, highRisk, longStanding), Cases.Policy));

    [Fact]
    public void Triage_names_the_handling_department_only_when_it_is_stationed_here()
    {
        var withCourt = Profile([new StationedDepartment(DepartmentKind.Court, Stationing.OnCall)]);
        var without = Profile([]);

        Assert.Equal(DepartmentKind.Court, Triage.Decide(Facts(CaseType.MarriageFamily), withCourt).Department);
        Assert.Null(Triage.Decide(Facts(CaseType.MarriageFamily), without).Department);
        Assert.Null(Triage.Decide(Facts(CaseType.TrafficAccident), withCourt).Department);
    }

    [Theory]
    [InlineData(Grade.Simple, 3)]
    [InlineData(Grade.Normal, 7)]
    [InlineData(Grade.Complex, 15)]
    public void The_default_deadlines_follow_the_3715_mechanism(Grade grade, int days) =>
        Assert.Equal(TimeSpan.FromDays(days), new GovernancePolicy().DeadlineFor(grade));

    [Fact]
    public void Deadlines_come_from_the_trail_of_the_current_level_and_the_policy()
    {
        var assigned = Cases.At(CaseStatus.Assigned);
        var triagedAt = assigned.Trail.Single(e => e.Action == CaseAction.Triage).At;
        var assignedAt = assigned.Trail.Single(e => e.Action == CaseAction.Assign).At;

        var deadlines = CaseDeadlines.From(assigned.Trail, Cases.Policy);

        Assert.Equal(triagedAt.AddDays(3), deadlines.CloseBy);
        Assert.Equal(assignedAt.AddHours(24), deadlines.SignBy);
        Assert.Equal(triagedAt.AddDays(3 + 3), deadlines.EscalateBy);
    }

    [Fact]
    public void Signing_clears_the_sign_deadline_and_resolution_clears_them_all()
    {
        Assert.Null(CaseDeadlines.From(Cases.At(CaseStatus.Accepted).Trail, Cases.Policy).SignBy);
        Assert.NotNull(CaseDeadlines.From(Cases.At(CaseStatus.Accepted).Trail, Cases.Policy).CloseBy);
        Assert.Equal(default, CaseDeadlines.From(Cases.At(CaseStatus.Resolved).Trail, Cases.Policy));
    }

    [Fact]
    public void Escalation_starts_new_deadlines_at_the_new_level()
    {
        var failed = Cases.At(CaseStatus.Failed);
        var at = Cases.T0.AddDays(2);
        var escalated = CaseLifecycle.Apply(failed, new EscalateCase(Cases.Mediator, EscalationKind.Failure, "u-township", Level.Township), at, Cases.Policy).File;
        escalated = CaseLifecycle.Apply(escalated, new TriageCase("u-township", Grade.Complex, null), at, Cases.Policy).File;

        var deadlines = CaseDeadlines.From(escalated.Trail, Cases.Policy);

        Assert.Equal(at.AddDays(15), deadlines.CloseBy);
        Assert.Null(deadlines.SignBy);
    }

    [Fact]
    public void A_policy_without_overdue_escalation_only_supervises()
    {
        var policy = new GovernancePolicy { OverdueEscalationDays = null };

        Assert.Null(CaseDeadlines.From(Cases.At(CaseStatus.Accepted).Trail, policy).EscalateBy);
    }

    [Fact]
    public void Personal_data_is_masked_everywhere_it_is_printed()
    {
        var party = new CaseParty("张三丰", "13812345678", "371402198001011234");

        Assert.Equal("张** 138****5678 3714**********1234", party.ToString());
        Assert.Equal(new CaseParty("张**", "138****5678", "3714**********1234"), party.Masked());
        Assert.DoesNotContain("13812345678", Cases.Intake().ToString());
    }

    private static UnitProfile Profile(IReadOnlyList<StationedDepartment> departments) =>
        new("u", "u", Level.Township, [], [], [new MediatorProfile("u/m1", [CaseType.Labour], 1)], departments, Cases.Policy);
}
