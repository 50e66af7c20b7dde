using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Desk;

/// <summary>
/// A unit's answer to a case arriving: its triage, and the mediator it assigned at once (null
/// when every eligible mediator is busy and the case waits in the queue, or when it is to be raised).
/// </summary>
[GenerateSerializer, Immutable, Alias("gov.admission")]
public sealed record Admission(
    [property: Id(0)] UnitRef Unit,
    [property: Id(1)] TriageCase Triage,
    [property: Id(2)] string? MediatorId,
    [property: Id(3)] GovernancePolicy Policy);
