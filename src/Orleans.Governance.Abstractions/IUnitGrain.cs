using Orleans.Concurrency;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Figures;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Domain.Warnings;

namespace Orleans.Governance.Abstractions;

/// <summary>What grids and centres share: admitting cases, passing them up, tracking them, their figures.</summary>
public interface IUnitGrain : IGrainWithStringKey
{
    /// <summary>Sets the unit's place, people and policy; returns false when nothing changed (loading is idempotent).</summary>
    [Alias("configure")]
    Task<bool> ConfigureAsync(UnitProfile profile);

    /// <summary>Issues this unit's next case number (unit, day, sequence); stored before it is returned.</summary>
    [Alias("issue-number")]
    Task<string> IssueCaseNumberAsync();

    /// <summary>A case arrives here: triage, then assign or queue it.</summary>
    [GrainsOnly, Alias("admit")]
    Task<Admission> AdmitAsync(CaseFacts facts);

    /// <summary>The case leaves this unit upwards: the unit releases it and passes it to the unit above, whose admission it returns.</summary>
    [GrainsOnly, Alias("escalate")]
    Task<Admission> EscalateAsync(CaseFacts facts, EscalationKind kind);

    /// <summary>A case this unit holds reports a transition.</summary>
    [GrainsOnly, Alias("track")]
    Task TrackAsync(CaseChange change);

    /// <summary>An escalation the unit asked for was refused by the case, which stays here.</summary>
    [GrainsOnly, OneWay, Alias("stay")]
    Task StayAsync(string caseId);

    /// <summary>
    /// A case this unit holds is not here by the case's own file (its registration or escalation
    /// here was never stored, or was replayed by an outdated activation): the unit lets it go.
    /// Awaited by the case, so that a command retried later reaches the unit after it, never before.
    /// </summary>
    [GrainsOnly, Alias("forget")]
    Task ForgetAsync(string caseId);

    /// <summary>
    /// A case this unit passed up is here after all, by its own file (its move up was never
    /// stored): the unit holds it again as <paramref name="file"/> has it. Sent without the parties' data.
    /// </summary>
    [GrainsOnly, Alias("reinstate")]
    Task ReinstateAsync(CaseFacts facts, CaseFile file);

    /// <summary>This unit's own live figures. Interleaves: it only reads, and a roll-up must not wait behind a busy unit.</summary>
    [AlwaysInterleave, Alias("figures")]
    Task<UnitFigures> GetFiguresAsync();

    /// <summary>The cases on one of the unit's worklists (a mediator's tasks need <paramref name="mediatorId"/>). Interleaves: it only reads.</summary>
    [AlwaysInterleave, Alias("worklist")]
    Task<IReadOnlyList<WorkItem>> GetWorklistAsync(Worklist list, string? mediatorId = null);

    /// <summary>The cases on one worklist of this unit and of every unit below it. Interleaves: it only reads.</summary>
    [AlwaysInterleave, Alias("subtree-worklist")]
    Task<IReadOnlyList<WorkItem>> GetSubtreeWorklistAsync(Worklist list);

    /// <summary>
    /// The subtree's days of activity and the early warnings each of its units raises on its own
    /// subtree for the centres' days up to <paramref name="through"/>: computed where the ledgers
    /// are, summed on the way up. Interleaves: it only reads.
    /// </summary>
    [AlwaysInterleave, Alias("daily-rollup")]
    Task<DailyRollup> GetDailyRollupAsync(DateOnly through);

    /// <summary>This unit's figures, or its subtree's summed level by level; a grid answers with its own. Interleaves: it only reads.</summary>
    [AlwaysInterleave, Alias("level-rollup")]
    Task<IReadOnlyList<UnitFigures>> GetLevelRollupAsync();
}
