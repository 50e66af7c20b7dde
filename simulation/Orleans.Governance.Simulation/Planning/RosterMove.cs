using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Simulation.Planning;

/// <summary>A step of the search: one mediator each taken from a part of the city, added to one, or both (neither: the start).</summary>
public sealed record RosterMove(RosterPart? From, RosterPart? To)
{
    public static readonly RosterMove Start = new(null, null);

    public string Describe(Func<Level, string> levelName, bool chinese) => (From, To) switch
    {
        (null, null) => chinese ? "起点：每个中心 1 名调解员" : "start: one mediator per centre",
        (null, { } to) => to.Describe(levelName, chinese, "+1"),
        ({ } from, null) => from.Describe(levelName, chinese, "−1"),
        ({ } from, { } to) => $"{from.Describe(levelName, chinese, "−1")}{(chinese ? "，" : ", ")}{to.Describe(levelName, chinese, "+1")}",
    };

    public override string ToString() => Describe(LevelNames.Key, chinese: false);
}
