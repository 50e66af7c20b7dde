using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Grains.Storage;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Domain.Kernel;

namespace Orleans.Governance.Grains;

/// <summary>
/// One case as a grain: the kernel's <see cref="CaseHandler"/> decides; the grain stores its state,
/// carries its calls to the units as grain calls and its posts as one-way messages.
/// </summary>
public sealed class CaseGrain(
    [DirectState("case", StorageNames.Governance)] IPersistentState<CaseState> state,
    [FromKeyedServices(GovernanceSiloBuilderExtensions.ClockKey)] TimeProvider clock,
    ILogger<CaseGrain> logger) : Grain, ICaseGrain, ICasePorts
{
    private CaseHandler? _handler;

    private CaseHandler Handler => _handler ??= new CaseHandler(this.GetPrimaryKeyString(), this, logger);

    CaseState ICasePorts.State => state.State;

    DateTimeOffset ICasePorts.Now => clock.GetUtcNow();

    public async Task<CaseReceipt> RegisterAsync(CaseIntake intake, string actor) => Handler.Receipt(await Handler.RegisterAsync(intake, actor));

    public async Task<CaseReceipt> ExecuteAsync(CaseCommand command) => Handler.Receipt(await Handler.ExecuteAsync(command));

    public Task<CaseReceipt> ActAsync(CaseCommand command, int expectedVersion) => Handler.ActAsync(command, expectedVersion).AsTask();

    public async Task<CaseReceipt> EscalateAsync(string actor, string reason) => Handler.Receipt(await Handler.EscalateAsync(actor, reason));

    public Task<CaseFile> GetAsync() => Task.FromResult(Handler.File);

    public Task AssignFromQueueAsync(UnitRef unit, string mediatorId) => Handler.AssignFromQueueAsync(unit, mediatorId).AsTask();

    public Task RaiseAlarmAsync(UnitRef unit, DeadlineKind kind) => Handler.RaiseAlarmAsync(unit, kind).AsTask();

    async ValueTask ICasePorts.SaveAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Whether the transition was stored is unknown now, so this activation must not answer the
            // client's retry from memory: the next activation answers from what storage holds.
            DeactivateOnIdle();
            throw;
        }
    }

    ValueTask<Admission> ICasePorts.AdmitAsync(UnitRef unit, CaseFacts facts) => new(GrainFactory.GetUnit(unit).AdmitAsync(facts));

    ValueTask<Admission> ICasePorts.PassUpAsync(UnitRef from, CaseFacts facts, EscalationKind kind) => new(GrainFactory.GetUnit(from).EscalateAsync(facts, kind));

    ValueTask ICasePorts.ReportAsync(UnitRef unit, CaseChange change) => new(GrainFactory.GetUnit(unit).TrackAsync(change));

    ValueTask ICasePorts.ForgetAsync(UnitRef unit, string caseId) => new(GrainFactory.GetUnit(unit).ForgetAsync(caseId));

    ValueTask ICasePorts.ReinstateAsync(UnitRef unit, CaseFacts facts, CaseFile file) => new(GrainFactory.GetUnit(unit).ReinstateAsync(facts, file));

    void ICasePorts.PostStay(UnitRef unit, string caseId) => GrainFactory.GetUnit(unit).StayAsync(caseId).Ignore();
}
