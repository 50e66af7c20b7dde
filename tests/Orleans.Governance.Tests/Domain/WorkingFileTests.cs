using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Domain;

public sealed class WorkingFileTests
{
    private static readonly AuditEntry[] s_entries =
    [
        Entry(CaseAction.Register, Level.Village),
        Entry(CaseAction.Triage, Level.Village) with { Grade = Grade.Simple, Department = DepartmentKind.Court },
        Entry(CaseAction.Assign, Level.Village) with { MediatorId = Cases.Mediator },
        Entry(CaseAction.Accept, Level.Village),
        Entry(CaseAction.HoldSession, Level.Village),
        Entry(CaseAction.Fail, Level.Village) with { Reason = "no agreement" },
        Entry(CaseAction.Escalate, Level.Township) with { Escalation = EscalationKind.Failure },
        Entry(CaseAction.Triage, Level.Township) with { Grade = Grade.Complex },
        Entry(CaseAction.Assign, Level.Township) with { MediatorId = "u-township/m1" },
        Entry(CaseAction.WarnUnsigned, Level.Township),
        Entry(CaseAction.Accept, Level.Township),
        Entry(CaseAction.HoldSession, Level.Township),
        Entry(CaseAction.Resolve, Level.Township),
        Entry(CaseAction.Close, Level.Township),
        Entry(CaseAction.FollowUp, Level.Township) with { Satisfaction = 4 },
    ];

    [Fact]
    public void A_working_file_changes_in_place_into_what_the_copies_become_and_no_copy_changes()
    {
        var working = CaseFile.Working("c");
        var copy = CaseFile.Empty("c");
        var versions = new List<(CaseFile File, CaseStatus Status, int Length)>();
        foreach (var entry in s_entries)
        {
            var intake = entry.Action == CaseAction.Register ? Cases.Intake() : null;
            Assert.Same(working, CaseLifecycle.Evolve(working, entry, intake));
            copy = CaseLifecycle.Evolve(copy, entry, intake);
            versions.Add((copy, copy.Status, copy.Trail.Count));

            Assert.Equal(copy.WithoutIntake() with { Trail = [] }, working.WithoutIntake() with { Trail = [] });
            Assert.Same(copy.Intake, working.Intake);
            Assert.Equal(copy.Trail, working.Trail);
        }

        Assert.Equal(CaseStatus.FollowedUp, working.Status);
        Assert.All(versions, v => Assert.Equal((v.Status, v.Length), (v.File.Status, v.File.Trail.Count)));
        Assert.Throws<ArgumentOutOfRangeException>(() => working.Trail[s_entries.Length]);
    }

    private static AuditEntry Entry(CaseAction action, Level level) =>
        new(Cases.T0, "actor", action, level == Level.Village ? Cases.Unit : "u-township", level);
}
