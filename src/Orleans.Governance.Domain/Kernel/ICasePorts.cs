using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Kernel;

/// <summary>
/// What a <see cref="CaseHandler"/> needs from its host: its stored state, the clock, and the
/// units it talks to. The grain host puts grain calls and storage behind these; the simulation's
/// kernel host, direct calls and memory. Awaited calls go from a case to a unit, never back.
/// </summary>
public interface ICasePorts
{
    /// <summary>The case's state as last read or written.</summary>
    CaseState State { get; }

    DateTimeOffset Now { get; }

    /// <summary>Stores <see cref="State"/>. Throws when it may not have been stored.</summary>
    ValueTask SaveAsync();

    /// <summary>The case arrives at <paramref name="unit"/>, which triages and assigns or queues it.</summary>
    ValueTask<Admission> AdmitAsync(UnitRef unit, CaseFacts facts);

    /// <summary><paramref name="from"/> releases the case and passes it up; the admission of the unit above comes back.</summary>
    ValueTask<Admission> PassUpAsync(UnitRef from, CaseFacts facts, EscalationKind kind);

    /// <summary>Reports a transition to the unit that holds the case.</summary>
    ValueTask ReportAsync(UnitRef unit, CaseChange change);

    /// <summary>Tells a unit that holds the case, where the case's file does not place it, to let it go.</summary>
    ValueTask ForgetAsync(UnitRef unit, string caseId);

    /// <summary>Tells the unit that passed the case up, where the case's file still places it, to hold it again.</summary>
    ValueTask ReinstateAsync(UnitRef unit, CaseFacts facts, CaseFile file);

    /// <summary>One-way: the escalation the unit asked for was refused, the case stays there.</summary>
    void PostStay(UnitRef unit, string caseId);
}
