using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Grains.Storage;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Figures;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Domain.Kernel;

namespace Orleans.Governance.Grains;

/// <summary>
/// A governance centre: its queue and roster, assignment by skill and load, escalation to its
/// parent, its deadline watch and live figures. Roll-ups ask the children on demand, so no
/// single statistics grain sits on every case's path.
/// </summary>
public sealed class CentreGrain(
    [DirectState("centre", StorageNames.Governance)] IPersistentState<UnitState> state,
    [DirectState("centre-desk", StorageNames.Governance)] IPersistentState<DeskState> desk,
    [FromKeyedServices(GovernanceSiloBuilderExtensions.ClockKey)] TimeProvider clock,
    IOptions<GovernanceOptions> options,
    ILogger<CentreGrain> logger) : UnitGrain(state, desk, clock, options, logger), ICentreGrain
{
    public async Task<UnitFigures> GetRollupAsync() =>
        Handler.SubtreeFigures(await AskChildrenAsync(child =>
            child.Level == Level.Grid
                ? GrainFactory.GetGrain<IGridGrain>(child.Id).GetFiguresAsync()
                : GrainFactory.GetGrain<ICentreGrain>(child.Id).GetRollupAsync()));
}
