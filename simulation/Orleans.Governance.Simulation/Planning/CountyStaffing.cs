namespace Orleans.Governance.Simulation.Planning;

/// <summary>
/// A roster within one county (<see cref="County"/> null: the city's own centre): its centres by
/// level, what they cost, and the centres changed from the roster the search started from.
/// </summary>
public sealed record CountyStaffing(string? County, string Name, IReadOnlyList<LevelStaffing> Levels, double Cost, IReadOnlyList<CentreChange> Changed);
