using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Warnings;

/// <summary>One day of a unit's (or a subtree's) activity: new cases registered, by type, and agreements reached, by level.</summary>
[GenerateSerializer, Immutable, Alias("gov.day-activity")]
public sealed record DayActivity(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] int[] Arrivals,
    [property: Id(2)] int[] ResolvedByLevel)
{
    public static int TypeCount { get; } = Enum.GetValues<CaseType>().Length;

    public static int LevelCount { get; } = Enum.GetValues<Level>().Length;

    public static DayActivity Empty(DateOnly day) => new(day, new int[TypeCount], new int[LevelCount]);

    public int ArrivalsOf(CaseType type) => Arrivals[(int)type];

    public int ResolvedAt(Level level) => ResolvedByLevel[(int)level];
}
