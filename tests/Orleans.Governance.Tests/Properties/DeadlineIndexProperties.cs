using FsCheck;
using FsCheck.Fluent;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;

namespace Orleans.Governance.Tests.Properties;

/// <summary>
/// The desk's deadline index against the plainest model of it: each case's one alarm in a
/// dictionary, the earliest found by scanning. After every change the index holds as many alarms
/// and gives the same earliest one, with its case.
/// </summary>
public sealed class DeadlineIndexProperties
{
    private static readonly DeadlineKind[] s_kinds = [DeadlineKind.SignWarning, DeadlineKind.Overdue, DeadlineKind.OverdueEscalation];

    // (case, minutes after the start or -1 for "no alarm", kind): few cases and times, so that equal times and re-arming are common.
    private static readonly Gen<(int Case, int Minutes, int Kind)[]> s_changes =
        (from index in Gen.Choose(0, 7)
         from minutes in Gen.Choose(-1, 20)
         from kind in Gen.Choose(0, 2)
         select (index, minutes, kind)).ArrayOf();

    [Fact]
    public void The_index_gives_the_earliest_alarm_of_the_cases_it_holds() =>
        PropertyRuns.Check(Prop.ForAll(s_changes.ToArbitrary(), changes => FirstDivergence(changes) is not { } divergence ? true.ToProperty() : false.Label(divergence)), ciDefault: 1000);

    private static string? FirstDivergence((int Case, int Minutes, int Kind)[] changes)
    {
        var index = new DeadlineIndex();
        var cases = Enumerable.Range(0, 8).Select(i => new OpenCase { CaseId = $"case-{i}" }).ToArray();
        var model = new Dictionary<OpenCase, DeadlineAlarm>();
        for (var step = 0; step < changes.Length; step++)
        {
            var (which, minutes, kind) = changes[step];
            var open = cases[which];
            DeadlineAlarm? alarm = minutes < 0 ? null : new DeadlineAlarm(CaseWalk.Start.AddMinutes(minutes), open.CaseId, s_kinds[kind]);
            index.Set(open, alarm);
            if (alarm is { } armed)
            {
                model[open] = armed;
            }
            else
            {
                model.Remove(open);
            }

            if (index.Count != model.Count)
            {
                return $"step {step}: {index.Count} alarms indexed, {model.Count} armed";
            }

            if (model.Count > 0)
            {
                var earliest = model.MinBy(pair => pair.Value, Comparer<DeadlineAlarm>.Default);
                if (index.Min != earliest.Value || !ReferenceEquals(index.MinCase, earliest.Key))
                {
                    return $"step {step}: earliest indexed {index.Min} of {index.MinCase.CaseId}, armed {earliest.Value}";
                }
            }
        }

        return null;
    }
}
