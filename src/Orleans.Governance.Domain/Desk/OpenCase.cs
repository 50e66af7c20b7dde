using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Domain.Desk;

/// <summary>A unit's index entry for a case it holds: enough to queue, assign and watch it.</summary>
[GenerateSerializer, Alias("gov.open-case")]
public sealed class OpenCase
{
    /// <summary>Where the desk's deadline index holds the case's alarm (slot + 1; 0: nowhere); each desk built sets it anew.</summary>
    [NonSerialized] internal int IndexedAt;

    [Id(0)] public required string CaseId { get; init; }

    [Id(1)] public CaseType Type { get; init; }

    [Id(2)] public Grade Grade { get; init; }

    [Id(3)] public CaseStatus Status { get; set; }

    [Id(4)] public string? MediatorId { get; set; }

    [Id(5)] public DateTimeOffset RegisteredAt { get; init; }

    [Id(6)] public DateTimeOffset AdmittedAt { get; init; }

    [Id(7)] public DateTimeOffset? AssignedAt { get; set; }

    /// <summary>Queue order among cases of the same priority.</summary>
    [Id(8)] public long Sequence { get; init; }

    /// <summary>Alarms already raised for this case here; each fires once.</summary>
    [Id(9)] public DeadlineKind Fired { get; set; }

    /// <summary>The unit has asked the case to leave (raise or overdue escalation): never assign it.</summary>
    [Id(10)] public bool Leaving { get; set; }

    /// <summary>Registered at this unit: counted in its ledger's arrivals.</summary>
    [Id(11)] public bool RegisteredHere { get; init; }

    /// <summary>Holds one of the unit's mediators.</summary>
    public bool HoldsMediator => MediatorId is not null && Status is CaseStatus.Assigned or CaseStatus.Accepted or CaseStatus.InMediation;

    public bool IsQueued => Status == CaseStatus.Triaged && !Leaving;
}
