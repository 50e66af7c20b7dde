using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Figures;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Domain.Warnings;
using Orleans.Governance.Simulation.Engine;

namespace Orleans.Governance.Simulation.Hosts;

/// <summary>
/// The governance system one replication drives, on virtual time: the production grains on an
/// embedded silo (<see cref="GrainHost"/>, the digital twin) or the same kernel handlers run
/// directly (<see cref="KernelHost"/>, for planners). The people's model and the statistics
/// see only this, so both hosts answer the same questions in the same order.
/// </summary>
public interface IGovernanceHost : IHostActivity, IAsyncDisposable
{
    /// <summary>
    /// Starts a host whose clock stands at <paramref name="clockAt"/>. The kernel host drops the
    /// cases the model has finished with unless <paramref name="keepCases"/> (the grain host keeps them all).
    /// </summary>
    static async Task<IGovernanceHost> StartAsync(HostKind kind, DateTimeOffset clockAt, bool keepCases = false, CancellationToken cancellationToken = default) =>
        kind == HostKind.Kernel
            ? new KernelHost(new VirtualTimeProvider(clockAt), keepCases)
            : new GrainHost(await SimulationSilo.StartAsync(clockAt, cancellationToken));

    /// <summary>The clock every case and unit reads; its timers are the engine's calendar entries.</summary>
    VirtualTimeProvider Clock { get; }

    /// <summary>Cases keep their parties' personal data here, as the production cluster does; otherwise the intake need not draw them.</summary>
    bool StoresParties { get; }

    /// <summary>Loads the validated city into its units.</summary>
    Task LoadAsync(CityPlan city);

    /// <summary>Registers a case; answers with the refusal, if it was refused (the model reads nothing else of a receipt).</summary>
    ValueTask<CaseRefusal?> RegisterAsync(string caseId, CaseIntake intake, string actor);

    /// <inheritdoc cref="RegisterAsync"/>
    ValueTask<CaseRefusal?> ExecuteAsync(string caseId, CaseCommand command);

    /// <inheritdoc cref="RegisterAsync"/>
    ValueTask<CaseRefusal?> EscalateAsync(string caseId, string actor, string reason);

    /// <summary>The model is done with the case: a host that can forget it may now do so (its unit forgot it already).</summary>
    void Finished(string caseId);

    /// <summary>Moves the notices recorded since the last call (admissions, queue assignments, alarms) into <paramref name="into"/>, in the order they happened.</summary>
    void TakeNotices(List<GrainNotice> into);

    /// <summary>The subtree's days of activity and its early warnings, as a leader's page asks for them.</summary>
    Task<DailyRollup> GetDailyRollupAsync(UnitRef unit, DateOnly through);

    /// <summary>The subtree's early warnings and its first day, as in <see cref="GetDailyRollupAsync"/>: what the run's detector reads, day by day, in order.</summary>
    Task<SubtreeWarnings> GetWarningsAsync(UnitRef unit, DateOnly through);

    /// <summary>One unit's own live figures.</summary>
    Task<UnitFigures> GetFiguresAsync(UnitRef unit);

    /// <summary>The cases on one of a unit's worklists, oldest admission first.</summary>
    Task<IReadOnlyList<WorkItem>> GetWorklistAsync(UnitRef unit, Worklist list);

    /// <summary>A centre's figures summed over its subtree.</summary>
    Task<UnitFigures> GetSubtreeFiguresAsync(UnitRef centre);

    /// <summary>A case's file (the host keeps every case when it was asked to).</summary>
    Task<CaseFile> GetCaseAsync(string caseId);
}
