using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Cases;

/// <summary>Where escalation leads: one level up, never down, never skipping, except the high-risk raise.</summary>
public static class EscalationPath
{
    public static Level TargetLevel(Level from, EscalationKind kind, GovernancePolicy policy) =>
        kind == EscalationKind.HighRiskRaise && policy.HighRiskRaiseTo > from ? policy.HighRiskRaiseTo : from + 1;

    /// <summary>High-risk triage below the policy's level raises the case at once (提级会诊).</summary>
    public static bool NeedsHighRiskRaise(CaseFile file, GovernancePolicy policy) =>
        file.Status == CaseStatus.Triaged && file.Grade == Grade.HighRisk && file.Level < policy.HighRiskRaiseTo;

    /// <summary>The unit at <paramref name="level"/> among a unit's ancestors (parent first).</summary>
    public static UnitRef? AncestorAt(IReadOnlyList<UnitRef> ancestors, Level level)
    {
        // Indexed: a foreach over the interface would allocate an enumerator on every escalation.
        for (var i = 0; i < ancestors.Count; i++)
        {
            if (ancestors[i].Level == level)
            {
                return ancestors[i];
            }
        }

        return null;
    }
}
