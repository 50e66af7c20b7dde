using FsCheck;
using FsCheck.Experimental;
using FsCheck.Fluent;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Properties;

/// <summary>
/// Random command sequences for one case, legal and illegal, from the right and the wrong actors,
/// interleaved with clock advances; commands legal in the model's current status are drawn more
/// often so that runs get deep into the lifecycle. Sequences shrink by dropping steps.
/// </summary>
public sealed class LifecycleMachine(ClusterFixture fixture) : Machine<CaseUnderTest, LifecycleModel>
{
    public static Gen<GovernancePolicy> Policies { get; } =
        from grace in Gen.Elements<double?>(null, 0, 2)
        from signHours in Gen.Elements(24.0, 8.0)
        from raiseTo in Gen.Elements(Level.Township, Level.County, Level.City)
        select new GovernancePolicy { OverdueEscalationDays = grace, SignWarningHours = signHours, HighRiskRaiseTo = raiseTo };

    public static Gen<ActorRole> Roles { get; } = Gen.Frequency(
        (12, Gen.Constant(ActorRole.Mediator)),
        (3, Gen.Constant(ActorRole.UnitStaff)),
        (1, Gen.Constant(ActorRole.Unit)),
        (2, Gen.Constant(ActorRole.OtherMediator)),
        (2, Gen.Constant(ActorRole.OtherStaff)));

    public static Gen<LifecycleStep> Registrations { get; } =
        from origin in Gen.Frequency((6, Gen.Constant(Level.Grid)), (1, Gen.Elements(Level.Village, Level.Township, Level.County, Level.City)))
        from type in Gen.Elements(CaseType.Neighbour, CaseType.Labour, CaseType.ConstructionPayment)
        from risk in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from longStanding in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new LifecycleStep(StepKind.Register) { Origin = origin, Type = type, HighRisk = risk, LongStanding = longStanding };

    public static Gen<LifecycleStep> Advances { get; } =
        Gen.Elements(1.0, 6, 8, 24, 48, 72, 120, 240, 480).Select(hours => new LifecycleStep(StepKind.Advance) { By = TimeSpan.FromHours(hours) });

    public static Gen<LifecycleStep> UnitOnlyCommands { get; } =
        from action in Gen.Elements(CaseAction.Register, CaseAction.Triage, CaseAction.Assign, CaseAction.Escalate, CaseAction.WarnUnsigned, CaseAction.Supervise)
        from role in Gen.Elements(ActorRole.Unit, ActorRole.Mediator)
        select new LifecycleStep(StepKind.UnitOnly, role) { UnitAction = action };

    public override Arbitrary<Setup<CaseUnderTest, LifecycleModel>> Setup =>
        Policies.Select(policy => (Setup<CaseUnderTest, LifecycleModel>)new LifecycleSetup(fixture, policy)).ToArbitrary();

    public override Gen<Operation<CaseUnderTest, LifecycleModel>> Next(LifecycleModel model) =>
        Steps(model).Select(step => (Operation<CaseUnderTest, LifecycleModel>)new LifecycleOperation(step));

    /// <summary>The steps drawn in <paramref name="model"/>'s state.</summary>
    public static Gen<LifecycleStep> Steps(LifecycleModel model)
    {
        if (model.Status == CaseStatus.New)
        {
            return Gen.Frequency((8, Registrations), (1, Commands(model.Status)));
        }

        return Gen.Frequency((6, Commands(model.Status)), (2, Advances), (1, Registrations), (1, UnitOnlyCommands));
    }

    private static Gen<LifecycleStep> Commands(CaseStatus status)
    {
        var likely = status switch
        {
            CaseStatus.Assigned => [StepKind.Accept],
            CaseStatus.Accepted => [StepKind.Session, StepKind.Fail],
            CaseStatus.InMediation => [StepKind.Session, StepKind.Resolve, StepKind.Fail],
            CaseStatus.Failed => [StepKind.Escalate, StepKind.Escalate, StepKind.Refer],
            CaseStatus.Resolved or CaseStatus.Referred => [StepKind.Close],
            CaseStatus.Closed => [StepKind.FollowUp],
            _ => new[] { StepKind.Accept },
        };
        var any = new[] { StepKind.Accept, StepKind.Session, StepKind.Resolve, StepKind.Fail, StepKind.Escalate, StepKind.Refer, StepKind.Close, StepKind.FollowUp };
        return from kind in Gen.Frequency((4, Gen.Elements(likely)), (1, Gen.Elements(any)))
               from role in Roles
               from satisfaction in Gen.Choose(0, 6)
               select new LifecycleStep(kind, role) { Satisfaction = satisfaction };
    }
}
