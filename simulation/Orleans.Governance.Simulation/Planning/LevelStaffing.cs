using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Simulation.Planning;

/// <summary>A roster's centres of one level within a part of the city: how many, their mediators in all, fewest and most at one centre, and what they cost.</summary>
public sealed record LevelStaffing(Level Level, int Centres, int Mediators, int Fewest, int Most, double Cost);
