namespace Orleans.Governance.Domain.Cases;

/// <summary>Actor ids: a unit acts as its own id, a person of the unit as <c>unitId/personId</c>.</summary>
public static class Actors
{
    public static string Person(string unitId, string personId) => $"{unitId}/{personId}";

    public static bool BelongsTo(string actor, string unitId) =>
        actor.Length >= unitId.Length && actor.StartsWith(unitId, StringComparison.Ordinal)
        && (actor.Length == unitId.Length || actor[unitId.Length] == '/');

    /// <summary>The unit an actor belongs to.</summary>
    public static string UnitOf(string actor)
    {
        var slash = actor.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? actor : actor[..slash];
    }
}
