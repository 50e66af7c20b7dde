using FsCheck;
using FsCheck.Fluent;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Tests.Properties;

/// <summary>A deadline warning fires exactly once per deadline: <see cref="UnitDesk.TakeDueAlarms"/> against an oracle.</summary>
public sealed class DeskAlarmProperties
{
    private static readonly CaseType[] s_types = [CaseType.Labour, CaseType.Neighbour, CaseType.ConstructionPayment, CaseType.TrafficAccident];

    /// <summary>
    /// Plays the script; the first take that returns an alarm twice, or that misses or adds one
    /// compared with the oracle (every alarm due by then whose case is still eligible), is reported.
    /// </summary>
    public static string? FirstDivergence(DeskScript script, Func<DeskCaseOracle, DeadlineAlarm, bool>? oracleFilter = null)
    {
        var policy = new GovernancePolicy { OverdueEscalationDays = script.Escalates ? 2 : null };
        var profile = new UnitProfile("t", "某镇", Level.Township, [new UnitRef("c", Level.County)], [],
            [.. Enumerable.Range(1, script.Mediators).Select(i => new MediatorProfile($"t/m{i}", [.. s_types], 1))], [], policy);
        var desk = new UnitDesk(profile, new DeskState());
        var cases = new Dictionary<string, DeskCaseOracle>();
        var returned = new HashSet<(string, DeadlineKind)>();
        var now = CaseWalk.Start;

        void Assigned(IEnumerable<QueuedAssignment> assignments)
        {
            foreach (var assignment in assignments)
            {
                var oracle = cases[assignment.CaseId];
                (oracle.Status, oracle.AssignedAt) = (CaseStatus.Assigned, now);
            }
        }

        foreach (var (what, index, minutes) in script.Moves)
        {
            now = now.AddMinutes(minutes);
            var id = $"case-{index}";
            var known = cases.GetValueOrDefault(id);
            switch (what % 10)
            {
                case < 3 when known is null:
                    var facts = new CaseFacts(id, s_types[what / 10 % s_types.Length], IntakeChannel.WalkIn, HighRisk: what / 40 % 3 == 0, false, 0, 2, now);
                    var admission = desk.Admit(facts, now);
                    var raised = admission.Triage.Grade == Grade.HighRisk;
                    known = cases[id] = new DeskCaseOracle(id, admission.Triage.Grade, now, leaving: raised);
                    if (admission.MediatorId is not null)
                    {
                        (known.Status, known.AssignedAt) = (CaseStatus.Assigned, now);
                    }

                    break;
                case < 6 when known is { Released: false } && Report(known.Status, what) is { } action:
                    Assigned(desk.Track(new CaseChange(id, action, now, action == CaseAction.FollowUp ? 4 : null)));
                    known.Status = action switch
                    {
                        CaseAction.Accept => CaseStatus.Accepted,
                        CaseAction.HoldSession => CaseStatus.InMediation,
                        CaseAction.Resolve => CaseStatus.Resolved,
                        CaseAction.Fail => CaseStatus.Failed,
                        CaseAction.Refer => CaseStatus.Referred,
                        CaseAction.Close => CaseStatus.Closed,
                        _ => CaseStatus.FollowedUp,
                    };
                    break;
                case 6 when known is { Released: false } && known.Status is not (CaseStatus.Closed or CaseStatus.FollowedUp):
                    Assigned(desk.Release(id, now));
                    known.Released = true;
                    break;
                case 7:
                    desk = new UnitDesk(profile, desk.State);
                    break;
                case >= 8:
                    var expected = new SortedSet<DeadlineAlarm>();
                    foreach (var oracle in cases.Values)
                    {
                        var escalateAfter = policy.OverdueEscalationDays is { } d ? TimeSpan.FromDays(d) : (TimeSpan?)null;
                        foreach (var alarm in oracle.Eligible(policy.DeadlineFor(oracle.Grade), policy.SignWarningAfter, escalateAfter))
                        {
                            if (alarm.DueAt <= now && (oracle.Fired & alarm.Kind) == 0 && (oracleFilter?.Invoke(oracle, alarm) ?? true))
                            {
                                expected.Add(alarm);
                            }
                        }
                    }

                    // An overdue escalation makes its case leave: its later alarms in the same take do not fire.
                    foreach (var alarm in expected.ToList())
                    {
                        if (expected.Contains(alarm) && alarm.Kind == DeadlineKind.OverdueEscalation)
                        {
                            expected.RemoveWhere(a => a.CaseId == alarm.CaseId && a.CompareTo(alarm) > 0);
                        }
                    }

                    var taken = desk.TakeDueAlarms(now);
                    foreach (var alarm in taken)
                    {
                        if (!returned.Add((alarm.CaseId, alarm.Kind)))
                        {
                            return $"at {now:g}: {alarm.Kind} of {alarm.CaseId} returned a second time";
                        }

                        var oracle = cases[alarm.CaseId];
                        oracle.Fired |= alarm.Kind;
                        oracle.Leaving |= alarm.Kind == DeadlineKind.OverdueEscalation;
                    }

                    if (!expected.SetEquals(taken))
                    {
                        return $"at {now:g}: took [{string.Join(", ", taken)}], oracle expects [{string.Join(", ", expected)}]";
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>The report a case in <paramref name="status"/> would send next, as the choice picks among the legal ones.</summary>
    private static CaseAction? Report(CaseStatus status, int choice) => status switch
    {
        CaseStatus.Assigned => CaseAction.Accept,
        CaseStatus.Accepted or CaseStatus.InMediation => (choice / 10 % 3) switch { 0 => CaseAction.HoldSession, 1 => CaseAction.Resolve, _ => CaseAction.Fail },
        CaseStatus.Failed => CaseAction.Refer,
        CaseStatus.Resolved or CaseStatus.Referred => CaseAction.Close,
        CaseStatus.Closed => CaseAction.FollowUp,
        _ => null,
    };

    [Fact]
    public void Every_due_alarm_of_an_eligible_case_is_taken_exactly_once() =>
        PropertyRuns.Check(Prop.ForAll(DeskScript.Arbitrary, script => FirstDivergence(script) is not { } divergence ? true.ToProperty() : false.Label(divergence)), ciDefault: 1000);
}
