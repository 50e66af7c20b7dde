using Orleans.Concurrency;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Figures;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Abstractions;

/// <summary>What grids and centres share: admitting cases, passing them up, tracking them, their figures.</summary>
public interface IUnitGrain : IGrainWithStringKey
{
    /// <summary>Sets the unit's place, people and policy; returns false when nothing changed (loading is idempotent).</summary>
    [Alias("configure")]
    Task<bool> ConfigureAsync(UnitProfile profile);

    /// <summary>A case arrives here: triage, then assign or queue it.</summary>
    [Alias("admit")]
    Task<Admission> AdmitAsync(CaseFacts facts);

    /// <summary>The case leaves this unit upwards: the unit releases it and passes it to the unit above, whose admission it returns.</summary>
    [Alias("escalate")]
    Task<Admission> EscalateAsync(CaseFacts facts, EscalationKind kind);

    /// <summary>A case this unit holds reports a transition.</summary>
    [Alias("track")]
    Task TrackAsync(CaseChange change);

    /// <summary>An escalation the unit asked for was refused by the case, which stays here.</summary>
    [OneWay, Alias("stay")]
    Task StayAsync(string caseId);

    /// <summary>This unit's own live figures. Interleaves: it only reads, and a roll-up must not wait behind a busy unit.</summary>
    [AlwaysInterleave, Alias("figures")]
    Task<UnitFigures> GetFiguresAsync();
}
