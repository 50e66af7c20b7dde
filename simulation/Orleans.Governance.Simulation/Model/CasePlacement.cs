using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Simulation.Model;

/// <summary>Where a case stood at one level: the unit, since when, and whether it waited in the queue or was with a mediator (neither once mediated there).</summary>
public readonly record struct CasePlacement(UnitRef Unit, long AdmittedAt, bool Queued, string? Mediator);
