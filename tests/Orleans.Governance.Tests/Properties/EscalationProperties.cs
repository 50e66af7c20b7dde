using FsCheck;
using FsCheck.Fluent;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Tests.Properties;

/// <summary>Escalation over random walks of the pure lifecycle, including arbitrary escalation attempts.</summary>
public sealed class EscalationProperties
{
    /// <summary>The first way a trail breaks "never down, never skipping, except the high-risk raise", or null.</summary>
    public static string? LevelViolation(IReadOnlyList<AuditEntry> trail, GovernancePolicy policy)
    {
        for (var i = 1; i < trail.Count; i++)
        {
            var (from, to) = (trail[i - 1].Level, trail[i].Level);
            if (to == from)
            {
                continue;
            }

            var entry = trail[i];
            var legal = entry.Action == CaseAction.Escalate
                && (to == from + 1 || (entry.Escalation == EscalationKind.HighRiskRaise && to == policy.HighRiskRaiseTo && to > from));
            if (!legal)
            {
                return $"entry {i} ({entry.Action}, {entry.Escalation}) moves the case from {from} to {to}";
            }
        }

        return null;
    }

    public static Property LevelNeverDecreasesNorSkips(Func<WalkPlan, IReadOnlyList<AuditEntry>> trailOf) =>
        Prop.ForAll(CaseWalk.Arbitrary, plan =>
        {
            var trail = trailOf(plan);
            var violation = LevelViolation(trail, plan.Policy);
            return (violation is null).Label(violation ?? "").Classify(trail.Any(e => e.Escalation == EscalationKind.HighRiskRaise), "raised")
                .Classify(trail.Count(e => e.Action == CaseAction.Escalate) >= 2, "escalated twice or more");
        });

    [Fact]
    public void A_cases_level_never_decreases_and_never_skips_except_by_the_high_risk_raise() =>
        PropertyRuns.Check(LevelNeverDecreasesNorSkips(plan => CaseWalk.Run(plan).File.Trail), ciDefault: 1000);

    [Fact]
    public void Every_case_ends_resolved_referred_or_failed_at_the_city_never_lost() =>
        PropertyRuns.Check(EveryCaseEnds(CaseLifecycle.Apply), ciDefault: 1000);

    /// <summary>Shrinks decisions to 0 (agreement) one at a time, never dropping one: a shorter walk would just stop early.</summary>
    private static IEnumerable<WalkPlan> KeepingTheLength(WalkPlan plan) =>
        Enumerable.Range(0, plan.Choices.Count).Where(i => plan.Choices[i] != 0)
            .Select(i => plan with { Choices = [.. plan.Choices.Take(i), 0, .. plan.Choices.Skip(i + 1)] })
            .Concat(plan.HighRisk ? [plan with { HighRisk = false }] : []);

    public static Property EveryCaseEnds(Func<CaseFile, CaseCommand, DateTimeOffset, GovernancePolicy, (CaseFile, CaseRefusal?)> apply)
    {
        // Only the natural steps (choice % 10 < 6): the people do their jobs, deciding at random
        // between agreement, failure and escalation, referral. Enough steps always finish a case.
        var walks = from plan in CaseWalk.Plans
                    from decisions in Gen.Choose(0, 599).Select(c => c / 6 * 10 + c % 6).ArrayOf(60)
                    select plan with { Choices = decisions };
        return Prop.ForAll(Arb.From(walks, KeepingTheLength), plan =>
        {
            var (file, tried) = CaseWalk.Run(plan, apply);
            var stuck = tried.FirstOrDefault(t => !t.Accepted && t.Command is not FollowUpCase);
            var done = file.Status is CaseStatus.Resolved or CaseStatus.Referred or CaseStatus.Closed or CaseStatus.FollowedUp
                || (file.Status == CaseStatus.Failed && file.Level == Level.City);
            return (stuck.Command is null && done)
                .Label($"ended {file.Status} at {file.Level} after {file.Trail.Count} entries; first refused: {stuck.Command}")
                .Classify(file.Level == Level.City, "at the city");
        });
    }
}
