using FsCheck;
using FsCheck.Fluent;

namespace Orleans.Governance.Tests.Properties;

/// <summary>
/// A random life of one unit's desk: each move is (what, which case, minutes later), read by
/// <see cref="DeskAlarmProperties"/> against the cases' current states (admit, the next report
/// a case would send, release, take the due alarms, rebuild the desk from its state).
/// </summary>
public sealed record DeskScript(bool Escalates, int Mediators, IReadOnlyList<(int What, int Case, int Minutes)> Moves)
{
    public static Gen<DeskScript> Scripts { get; } =
        from escalates in Gen.Elements(true, false)
        from mediators in Gen.Choose(1, 2)
        from moves in (from what in Gen.Choose(0, 99)
                       from index in Gen.Choose(0, 5)
                       from minutes in Gen.Choose(0, 3 * 1440)
                       select (What: what, Case: index, Minutes: minutes)).ListOf()
        select new DeskScript(escalates, mediators, [.. moves]);

    public static Arbitrary<DeskScript> Arbitrary { get; } = Arb.From(Scripts, Shrink);

    private static IEnumerable<DeskScript> Shrink(DeskScript script)
    {
        for (var i = script.Moves.Count - 1; i >= 0; i--)
        {
            yield return script with { Moves = [.. script.Moves.Take(i), .. script.Moves.Skip(i + 1)] };
        }
    }

    public override string ToString() =>
        $"escalates {Escalates}, mediators {Mediators}, moves [{string.Join(' ', Moves.Select(m => $"{m.What}/{m.Case}/{m.Minutes}"))}]";
}
