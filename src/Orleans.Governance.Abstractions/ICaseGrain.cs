using Orleans.Concurrency;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Abstractions;

/// <summary>One dispute case: its state and its append-only audit trail (一案一档). Key: the case id.</summary>
[Alias("gov.case")]
public interface ICaseGrain : IGrainWithStringKey
{
    /// <summary>Registers the case at the unit that received it, which triages and assigns or queues it.</summary>
    [Alias("register")]
    Task<CaseReceipt> RegisterAsync(CaseIntake intake, string actor);

    /// <summary>Runs a person's command: accept, session, resolve, fail, refer, close or follow-up.</summary>
    [Alias("execute")]
    Task<CaseReceipt> ExecuteAsync(CaseCommand command);

    /// <summary>
    /// Runs a person's command (a failure escalation included) only if the case is still at
    /// <paramref name="expectedVersion"/> (its trail length), so that two people cannot act on
    /// different views of one case; otherwise answers with <see cref="CaseReceipt.StaleVersion"/>.
    /// A failure escalation (<see cref="EscalateCase"/> of kind Failure) goes where the units send
    /// it: its target unit and level are not read.
    /// </summary>
    [Alias("act")]
    Task<CaseReceipt> ActAsync(CaseCommand command, int expectedVersion);

    /// <summary>Sends a failed case one level up (网格吹哨 at a grid).</summary>
    [Alias("escalate")]
    Task<CaseReceipt> EscalateAsync(string actor, string reason);

    /// <summary>The whole case file, with the parties' personal data (callers mask it).</summary>
    [Alias("get")]
    Task<CaseFile> GetAsync();

    /// <summary>The unit gave the queued case to a mediator who became free.</summary>
    [GrainsOnly, OneWay, Alias("assign-from-queue")]
    Task AssignFromQueueAsync(UnitRef unit, string mediatorId);

    /// <summary>The unit's deadline watch fired for this case.</summary>
    [GrainsOnly, OneWay, Alias("raise-alarm")]
    Task RaiseAlarmAsync(UnitRef unit, DeadlineKind kind);
}
