using Orleans.Governance.Domain.Access;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Figures;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Domain;

/// <summary>The rules the HTTP API stands on: case numbers, worklists, the jurisdiction and masking rules, per-level sums.</summary>
public sealed class FrontDoorRulesTests
{
    private static readonly GovernancePolicy s_policy = new();

    private static UnitDesk Township(int capacity = 1) =>
        new(new UnitProfile("t", "某镇", Level.Township, [new UnitRef("c", Level.County), new UnitRef("city", Level.City)], [],
            [new MediatorProfile("t/m1", [CaseType.Labour], capacity)], [], s_policy), new DeskState());

    private static CaseFacts Facts(string id) => new(id, CaseType.Labour, IntakeChannel.WalkIn, false, false, 0, 1, Cases.T0);

    [Fact]
    public void Case_numbers_run_per_unit_and_day_in_China_Standard_Time()
    {
        var evening = new DateTimeOffset(2026, 12, 1, 15, 59, 0, TimeSpan.Zero); // 23:59 in Beijing

        var (first, sequence) = CaseNumberSequence.None.Issue("t", evening);
        var (second, _) = sequence.Issue("t", evening);
        var (nextDay, _) = sequence.Issue("t", evening.AddMinutes(1));

        Assert.Equal(("t-20261201-0001", "t-20261201-0002", "t-20261202-0001"), (first, second, nextDay));
    }

    [Fact]
    public void A_clock_behind_the_last_one_across_midnight_never_issues_a_number_again()
    {
        var afterMidnight = new DateTimeOffset(2026, 12, 2, 0, 1, 0, TimeSpan.FromHours(8));
        var (first, sequence) = CaseNumberSequence.None.Issue("t", afterMidnight);
        var (second, _) = sequence.Issue("t", afterMidnight.AddMinutes(-4));

        Assert.Equal(("t-20261202-0001", "t-20261202-0002"), (first, second));
    }

    [Theory]
    [InlineData("sample-01-01-001-1-20261201-0042", "sample-01-01-001-1", 20261201, 42)]
    [InlineData("t-20261201-12345", "t", 20261201, 12345)]
    public void A_case_number_reads_back_into_unit_day_and_sequence(string number, string unit, int day, int sequence)
    {
        Assert.True(CaseNumber.TryParse(number, out var parsedUnit, out var parsedDay, out var parsedSequence));
        Assert.Equal((unit, day, sequence), (parsedUnit, parsedDay, parsedSequence));
        Assert.Equal(number, CaseNumber.Format(parsedUnit, parsedDay, parsedSequence));
    }

    [Theory]
    [InlineData("case-42")]
    [InlineData("-20261201-0001")]
    [InlineData("t-2026120-0001")]
    [InlineData("t-20261201-01")]
    [InlineData("t-2026120x-0001")]
    [InlineData("")]
    public void Anything_else_is_no_case_number(string text) => Assert.False(CaseNumber.TryParse(text, out _, out _, out _));

    [Fact]
    public void Worklists_name_the_cases_the_desk_holds_in_each_state()
    {
        var desk = Township(capacity: 1);
        desk.Admit(Facts("a"), Cases.T0);
        desk.Admit(Facts("b"), Cases.T0.AddMinutes(1));

        Assert.Equal(["a"], desk.Worklist(Worklist.Assigned).Select(i => i.CaseId));
        Assert.Equal(["b"], desk.Worklist(Worklist.Queue).Select(i => i.CaseId));
        Assert.Equal(["a"], desk.Worklist(Worklist.MediatorTasks, "t/m1").Select(i => i.CaseId));
        Assert.Empty(desk.Worklist(Worklist.MediatorTasks, "t/m2"));
        Assert.Empty(desk.Worklist(Worklist.Warned));

        var unsignedFor = Cases.T0 + TimeSpan.FromHours(s_policy.SignWarningHours) + TimeSpan.FromMinutes(1);
        desk.TakeDueAlarms(unsignedFor);
        var warned = Assert.Single(desk.Worklist(Worklist.Warned));
        Assert.Equal(("a", true, false), (warned.CaseId, warned.Warned, warned.Overdue));

        desk.TakeDueAlarms(desk.Worklist(Worklist.Queue)[0].CloseBy.AddMinutes(1));
        Assert.Equal(["a", "b"], desk.Worklist(Worklist.Overdue).Select(i => i.CaseId));
    }

    [Theory]
    [InlineData("t", "t", true)]
    [InlineData("c", "t", true)]
    [InlineData("city", "t", true)]
    [InlineData("t", "c", false)]
    [InlineData("other", "t", false)]
    public void A_unit_covers_itself_and_its_subtree_only(string userUnit, string unit, bool covered)
    {
        var ancestors = unit == "t" ? new[] { new UnitRef("c", Level.County), new UnitRef("city", Level.City) } : [new UnitRef("city", Level.City)];
        Assert.Equal(covered, JurisdictionRule.Covers(userUnit, unit, ancestors));
    }

    [Fact]
    public void Only_handling_roles_at_the_unit_now_holding_the_case_see_personal_data()
    {
        var file = CaseFile.Empty("x") with { UnitId = "t", Status = CaseStatus.Closed };

        Assert.True(JurisdictionRule.MaySeePersonalData(Role.CentreStaff, "t", file));
        Assert.True(JurisdictionRule.MaySeePersonalData(Role.Mediator, "t", file));
        Assert.False(JurisdictionRule.MaySeePersonalData(Role.CentreLeader, "t", file));
        Assert.False(JurisdictionRule.MaySeePersonalData(Role.CentreStaff, "c", file));
        Assert.False(JurisdictionRule.MaySeePersonalData(Role.Auditor, "t", file));
    }

    [Fact]
    public void Level_sums_add_up_the_units_of_each_level()
    {
        UnitFigures Unit(string id, Level level, long admitted) =>
            UnitFigures.From(id, level, new UnitCounters { Admitted = admitted }, new Dictionary<CaseStatus, long> { [CaseStatus.Triaged] = 1 });

        var sums = UnitFigures.SumByLevel("c", [Unit("c", Level.County, 5), Unit("t1", Level.Township, 2), Unit("t2", Level.Township, 3)]);

        Assert.Equal([Level.Township, Level.County], sums.Select(s => s.Level));
        Assert.Equal((5L, 2, 2L, "c"), (sums[0].Admitted, sums[0].Units, sums[0].Open, sums[0].UnitId));
        Assert.Equal((5L, 1), (sums[1].Admitted, sums[1].Units));
    }
}
