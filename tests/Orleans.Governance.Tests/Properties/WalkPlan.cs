using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Tests.Properties;

/// <summary>
/// A random walk of one case through the pure lifecycle: where it is registered, and a list of
/// choices, each read by <see cref="CaseWalk"/> as "the natural next step", "a watch entry" or
/// "an arbitrary escalation" (any kind, any target level, any actor). Shrinks by dropping choices.
/// </summary>
public sealed record WalkPlan(GovernancePolicy Policy, Level Origin, bool HighRisk, IReadOnlyList<int> Choices, IReadOnlyList<int> Minutes)
{
    public override string ToString() =>
        $"raise to {Policy.HighRiskRaiseTo}, registered at {Origin}{(HighRisk ? " high-risk" : "")}, choices [{string.Join(' ', Choices)}], minutes [{string.Join(' ', Minutes)}]";
}
