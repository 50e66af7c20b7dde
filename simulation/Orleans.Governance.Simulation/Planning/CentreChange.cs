using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Simulation.Planning;

/// <summary>A centre whose mediators differ between two rosters.</summary>
public sealed record CentreChange(string Centre, Level Level, int From, int To);
