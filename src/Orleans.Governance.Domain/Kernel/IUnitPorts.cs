using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Kernel;

/// <summary>
/// What a <see cref="UnitHandler"/> needs from its host: its two stored states, the clock, the
/// unit above, one-way posts to cases and a single wake-up. The grain host puts grain calls,
/// storage, a grain timer and a reminder behind these; the kernel host, direct calls, memory
/// and its event calendar.
/// </summary>
public interface IUnitPorts
{
    /// <summary>The unit's profile and case-number sequence as last read or written.</summary>
    UnitState Unit { get; }

    /// <summary>The unit's desk as last read or written.</summary>
    DeskState Desk { get; }

    DateTimeOffset Now { get; }

    /// <summary>Stores <see cref="Unit"/>. Throws when it may not have been stored.</summary>
    ValueTask WriteUnitAsync();

    /// <summary>Stores <see cref="Desk"/>. Throws when it may not have been stored.</summary>
    ValueTask WriteDeskAsync();

    /// <summary>Reads both states back from storage; false when storage cannot be read either.</summary>
    ValueTask<bool> ReloadAsync();

    /// <summary>The unit above admits a case this unit passes up.</summary>
    ValueTask<Admission> AdmitAsync(UnitRef unit, CaseFacts facts);

    /// <summary>One-way: a queued case was given to a mediator who became free.</summary>
    void PostAssignment(string caseId, UnitRef unit, string mediatorId);

    /// <summary>One-way: a deadline of a case passed.</summary>
    void PostAlarm(string caseId, UnitRef unit, DeadlineKind kind);

    /// <summary>Calls <see cref="UnitHandler.WatchAsync"/> after <paramref name="wait"/>, replacing any earlier wake-up; null cancels it.</summary>
    void WakeAfter(TimeSpan? wait);

    /// <summary>The unit holds alarms (or not): a host that can lose the unit's memory keeps a durable wake-up while it does.</summary>
    ValueTask KeepAlarmsAliveAsync(bool hasAlarms);
}
