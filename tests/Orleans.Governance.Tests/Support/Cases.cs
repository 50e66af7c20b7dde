using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Tests.Support;

/// <summary>Builds case files in a given status by legal transitions, for the Domain tests.</summary>
public static class Cases
{
    public const string Unit = "u-village";
    public const string Mediator = "u-village/m1";
    public const string OtherMediator = "u-village/m2";

    public static readonly GovernancePolicy Policy = new();

    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(8));

    public static CaseIntake Intake(CaseType type = CaseType.Neighbour, string unit = Unit, Level level = Level.Village, bool highRisk = false) =>
        new(new UnitRef(unit, level), IntakeChannel.WalkIn, type, "两户因宅基地边界发生争执", [new CaseParty("张三", "13812345678", "371402198001011234")])
        {
            HighRisk = highRisk,
        };

    /// <summary>Every command a case can be sent, from the actors who may send it.</summary>
    public static IEnumerable<CaseCommand> AllCommands(CaseFile file) =>
    [
        new RegisterCase(Unit, Intake()),
        new TriageCase(Unit, Grade.Simple, null),
        new AssignCase(Unit, Mediator),
        new AcceptCase(Mediator),
        new HoldSession(Mediator, [DepartmentKind.Court]),
        new ResolveCase(Mediator, JudicialConfirmation: true),
        new FailCase(Mediator, "双方分歧较大"),
        new EscalateCase(Mediator, EscalationKind.Failure, "u-township", file.Level + 1),
        new ReferCase(Mediator, ReferralTarget.Litigation),
        new CloseCase(Mediator),
        new FollowUpCase(Mediator, 5),
        new WarnUnsigned(Unit),
        new SuperviseCase(Unit, "overdue"),
    ];

    /// <summary>A case driven by legal steps to <paramref name="status"/>.</summary>
    public static CaseFile At(CaseStatus status)
    {
        var file = CaseFile.Empty("case-1");
        if (status == CaseStatus.New)
        {
            return file;
        }

        var path = status switch
        {
            CaseStatus.Registered => Steps(0),
            CaseStatus.Triaged => Steps(1),
            CaseStatus.Assigned => Steps(2),
            CaseStatus.Accepted => Steps(3),
            CaseStatus.InMediation => Steps(4),
            CaseStatus.Resolved => [.. Steps(4), new ResolveCase(Mediator)],
            CaseStatus.Failed => [.. Steps(4), new FailCase(Mediator, "no agreement")],
            CaseStatus.Referred => [.. Steps(4), new FailCase(Mediator, "no agreement"), new ReferCase(Mediator, ReferralTarget.Arbitration)],
            CaseStatus.Closed => [.. Steps(4), new ResolveCase(Mediator), new CloseCase(Mediator)],
            CaseStatus.FollowedUp => [.. Steps(4), new ResolveCase(Mediator), new CloseCase(Mediator), new FollowUpCase(Mediator, 4)],
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };

        var now = T0;
        foreach (var command in path)
        {
            now = now.AddHours(1);
            var (next, refusal) = CaseLifecycle.Apply(file, command, now, Policy);
            Assert.Null(refusal);
            file = next;
        }

        Assert.Equal(status, file.Status);
        return file;
    }

    private static CaseCommand[] Steps(int afterRegister) =>
        new CaseCommand[]
        {
            new RegisterCase(Unit, Intake()),
            new TriageCase(Unit, Grade.Simple, null),
            new AssignCase(Unit, Mediator),
            new AcceptCase(Mediator),
            new HoldSession(Mediator, []),
        }[..(afterRegister + 1)];
}
