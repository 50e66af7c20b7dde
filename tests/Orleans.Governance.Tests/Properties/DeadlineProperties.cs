using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Properties;

/// <summary>Deadlines are a function of the audit trail and the policy alone (<see cref="CaseDeadlines.From"/>).</summary>
public sealed class DeadlineProperties
{
    public static Gen<(WalkPlan Plan, int[] Inserts)> Walks { get; } =
        from plan in CaseWalk.Plans
        from grace in Gen.Elements<double?>(null, 0, 3)
        from signHours in Gen.Elements(24.0, 8.0)
        from inserts in Gen.Choose(0, 999).ArrayOf()
        select (plan with { Policy = plan.Policy with { OverdueEscalationDays = grace, SignWarningHours = signHours } }, inserts);

    /// <summary>The deadlines at the current level, read from the trail as the rules state them (independent of <see cref="CaseDeadlines"/>).</summary>
    public static CaseDeadlines Oracle(IReadOnlyList<AuditEntry> trail, GovernancePolicy policy)
    {
        var arrival = trail.Select((e, i) => (e, i)).LastOrDefault(x => x.e.Action is CaseAction.Register or CaseAction.Escalate).i;
        var here = trail.Skip(arrival + 1).ToList();
        var triage = here.FirstOrDefault(e => e.Action == CaseAction.Triage);
        if (triage is null || here.Any(e => e.Action is CaseAction.Resolve or CaseAction.Refer or CaseAction.Close or CaseAction.FollowUp))
        {
            return default;
        }

        var closeBy = triage.At + policy.DeadlineFor(triage.Grade!.Value);
        var assign = here.LastOrDefault(e => e.Action == CaseAction.Assign);
        var unsigned = assign is not null && !here.Any(e => e.Action == CaseAction.Accept);
        return new CaseDeadlines(
            unsigned ? assign!.At + TimeSpan.FromHours(policy.SignWarningHours) : null,
            closeBy,
            policy.OverdueEscalationDays is { } grace ? closeBy + TimeSpan.FromDays(grace) : null);
    }

    /// <summary>The trail with watch entries (no change of status) slipped in after the registration.</summary>
    public static List<AuditEntry> WithWatchEntries(IReadOnlyList<AuditEntry> trail, int[] inserts)
    {
        var result = trail.ToList();
        foreach (var insert in inserts)
        {
            var at = 1 + insert % Math.Max(1, result.Count);
            var near = result[Math.Min(at, result.Count) - 1];
            var action = insert % 2 == 0 ? CaseAction.WarnUnsigned : CaseAction.Supervise;
            result.Insert(Math.Min(at, result.Count), new AuditEntry(near.At.AddMinutes(insert), near.UnitId, action, near.UnitId, near.Level) { Reason = "watch" });
        }

        return result;
    }

    public static Property DeadlinesDependOnTrailAndPolicyOnly(Func<IReadOnlyList<AuditEntry>, GovernancePolicy, CaseDeadlines> from) =>
        Prop.ForAll(Arb.From(Walks, walk => CaseWalk.Shrink(walk.Plan).Select(plan => (plan, walk.Inserts)).Append((walk.Plan, [.. walk.Inserts.Skip(1)])).Where(w => w != walk)), walk =>
        {
            var (plan, inserts) = walk;
            var trail = CaseWalk.Run(plan).File.Trail;
            for (var n = 1; n <= trail.Count; n++)
            {
                var prefix = trail.Take(n).ToList();
                var deadlines = from(prefix, plan.Policy);
                var viaSystemJson = JsonSerializer.Deserialize<List<AuditEntry>>(JsonSerializer.Serialize(prefix))!;
                var viaStorage = DomainSerializer.Instance.Deserialize<List<AuditEntry>>(DomainSerializer.Instance.SerializeToArray(prefix))!;
                var checks = new (string Name, CaseDeadlines Value)[]
                {
                    ("the rules read independently", Oracle(prefix, plan.Policy)),
                    ("after a System.Text.Json round trip", from(viaSystemJson, plan.Policy)),
                    ("after an Orleans serializer round trip (the format both grain stores write)", from(viaStorage, plan.Policy)),
                    ("with watch entries slipped in", from(WithWatchEntries(prefix, inserts), plan.Policy)),
                };
                foreach (var (name, value) in checks)
                {
                    if (value != deadlines)
                    {
                        return false.Label($"trail of {n} entries [{string.Join(", ", prefix.Select(e => $"{e.Action}@{e.Level}"))}]: {deadlines} but {name}: {value}");
                    }
                }
            }

            return true.ToProperty().Classify(trail.Any(e => e.Action == CaseAction.Escalate), "escalated");
        });

    [Fact]
    public void Deadlines_are_a_function_of_the_audit_trail_and_the_policy_alone() =>
        PropertyRuns.Check(DeadlinesDependOnTrailAndPolicyOnly(CaseDeadlines.From), ciDefault: 300);
}
