using FsCheck;
using FsCheck.Fluent;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Tests.Properties;

/// <summary>Plays a <see cref="WalkPlan"/> through <see cref="CaseLifecycle.Apply"/>; unit <c>uN</c> is the unit at level N.</summary>
public static class CaseWalk
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(8));

    public static Gen<WalkPlan> Plans { get; } =
        from raiseTo in Gen.Elements(Level.Village, Level.Township, Level.County, Level.City)
        from origin in Gen.Elements(Level.Grid, Level.Grid, Level.Village, Level.Township, Level.County, Level.City)
        from risk in Gen.Elements(false, false, true)
        from choices in Gen.Choose(0, 999).ListOf()
        from minutes in Gen.Choose(0, 4 * 1440).ListOf()
        select new WalkPlan(new GovernancePolicy { HighRiskRaiseTo = raiseTo }, origin, risk, [.. choices], [.. minutes]);

    public static Arbitrary<WalkPlan> Arbitrary { get; } = Arb.From(Plans, Shrink);

    public static string Unit(Level level) => $"u{(int)level}";

    public static string Mediator(Level level) => Actors.Person(Unit(level), "m1");

    /// <summary>The file after the walk, and every command tried with whether it was accepted.</summary>
    /// <param name="plan">Where the case starts and the choices that drive it.</param>
    /// <param name="apply">The lifecycle under test: <see cref="CaseLifecycle.Apply"/> unless a planted mutant is checked.</param>
    public static (CaseFile File, IReadOnlyList<(CaseCommand Command, bool Accepted)> Tried) Run(
        WalkPlan plan, Func<CaseFile, CaseCommand, DateTimeOffset, GovernancePolicy, (CaseFile, CaseRefusal?)>? apply = null)
    {
        apply ??= CaseLifecycle.Apply;
        var now = Start;
        var intake = new CaseIntake(new UnitRef(Unit(plan.Origin), plan.Origin), IntakeChannel.WalkIn, CaseType.Labour, "欠薪", [new CaseParty("张三", "13812345678", "371402198001011234")])
        {
            HighRisk = plan.HighRisk,
        };
        var tried = new List<(CaseCommand, bool)>();
        var file = Apply(apply, CaseFile.Empty("walk"), new RegisterCase(Unit(plan.Origin) + "/desk", intake), now, plan.Policy, tried);
        for (var i = 0; i < plan.Choices.Count; i++)
        {
            now = now.AddMinutes(i < plan.Minutes.Count ? plan.Minutes[i] : 60);
            file = Apply(apply, file, Command(file, plan, plan.Choices[i]), now, plan.Policy, tried);
        }

        return (file, tried);
    }

    /// <summary>Choice % 10: 0-5 the natural next step, 6 a sign warning, 7 a supervision, 8-9 an arbitrary escalation.</summary>
    private static CaseCommand Command(CaseFile file, WalkPlan plan, int choice)
    {
        var level = file.Level;
        var unit = Unit(level);
        var mediator = Mediator(level);
        switch (choice % 10)
        {
            case 6:
                return new WarnUnsigned(unit);
            case 7:
                return new SuperviseCase(unit, "overdue");
            case 8 or 9:
                var to = (Level)(choice / 10 % 6);
                var actor = (choice / 60 % 4) switch { 0 => unit, 1 => mediator, 2 => Actors.Person(unit, "head"), _ => Mediator(level == Level.City ? Level.County : level + 1) };
                return new EscalateCase(actor, (EscalationKind)(choice / 240 % 3), Unit(to), to);
        }

        return file.Status switch
        {
            CaseStatus.Registered => new TriageCase(unit, plan.HighRisk ? Grade.HighRisk : (Grade)(choice / 10 % 3), null),
            CaseStatus.Triaged when EscalationPath.NeedsHighRiskRaise(file, plan.Policy) =>
                new EscalateCase(unit, EscalationKind.HighRiskRaise, Unit(plan.Policy.HighRiskRaiseTo), plan.Policy.HighRiskRaiseTo),
            CaseStatus.Triaged => new AssignCase(unit, mediator),
            CaseStatus.Assigned => new AcceptCase(mediator),
            CaseStatus.Accepted => new HoldSession(mediator, []),
            CaseStatus.InMediation => choice / 10 % 2 == 0 ? new ResolveCase(mediator) : new FailCase(mediator, "no agreement"),
            CaseStatus.Failed when level < Level.City && choice / 10 % 3 != 0 => new EscalateCase(mediator, EscalationKind.Failure, Unit(level + 1), level + 1),
            CaseStatus.Failed => new ReferCase(mediator, ReferralTarget.Litigation),
            CaseStatus.Resolved or CaseStatus.Referred => new CloseCase(Actors.Person(unit, "head")),
            _ => new FollowUpCase(Actors.Person(unit, "head"), choice / 10 % 7),
        };
    }

    private static CaseFile Apply(
        Func<CaseFile, CaseCommand, DateTimeOffset, GovernancePolicy, (CaseFile, CaseRefusal?)> apply,
        CaseFile file, CaseCommand command, DateTimeOffset now, GovernancePolicy policy, List<(CaseCommand, bool)> tried)
    {
        var (next, refusal) = apply(file, command, now, policy);
        tried.Add((command, refusal is null));
        return next;
    }

    /// <summary>Drops one choice at a time (last first), then the high risk.</summary>
    public static IEnumerable<WalkPlan> Shrink(WalkPlan plan)
    {
        for (var i = plan.Choices.Count - 1; i >= 0; i--)
        {
            yield return plan with { Choices = [.. plan.Choices.Take(i), .. plan.Choices.Skip(i + 1)] };
        }

        if (plan.HighRisk)
        {
            yield return plan with { HighRisk = false };
        }
    }
}
