using FsCheck.Experimental;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Properties;

/// <summary>A policy for the run; every <see cref="Actual"/> is a fresh city and case, so a shrink replays on clean grains.</summary>
public sealed class LifecycleSetup(ClusterFixture fixture, GovernancePolicy policy) : Setup<CaseUnderTest, LifecycleModel>
{
    public GovernancePolicy Policy { get; } = policy;

    public override CaseUnderTest Actual() => CaseUnderTest.Create(fixture, Policy);

    public override LifecycleModel Model() => LifecycleModel.Initial(Policy);

    public override string ToString() =>
        $"policy: sign warning {Policy.SignWarningHours} h, overdue escalation {(Policy.OverdueEscalationDays is { } d ? $"after {d} d" : "never")}, high-risk raise to {Policy.HighRiskRaiseTo}";
}
