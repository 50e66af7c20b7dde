using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Grains.Storage;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Figures;
using Orleans.Governance.Domain.Warnings;

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
    public async Task<UnitFigures> GetRollupAsync()
    {
        var children = await Task.WhenAll(Desk.Profile.Children.Select(child =>
            child.Level == Domain.Jurisdiction.Level.Grid
                ? GrainFactory.GetGrain<IGridGrain>(child.Id).GetFiguresAsync()
                : GrainFactory.GetGrain<ICentreGrain>(child.Id).GetRollupAsync()));
        return Desk.Figures().Plus(children);
    }

    public override async Task<IReadOnlyList<UnitFigures>> GetLevelRollupAsync()
    {
        var children = await Task.WhenAll(Desk.Profile.Children.Select(child => GrainFactory.GetUnit(child).GetLevelRollupAsync()));
        return UnitFigures.SumByLevel(Desk.Profile.Id, [Desk.Figures(), .. children.SelectMany(c => c)]);
    }

    public override async Task<IReadOnlyList<WorkItem>> GetSubtreeWorklistAsync(Worklist list)
    {
        var children = await Task.WhenAll(Desk.Profile.Children.Select(child => GrainFactory.GetUnit(child).GetSubtreeWorklistAsync(list)));
        return [.. Desk.Worklist(list), .. children.SelectMany(c => c)];
    }

    public override async Task<DailyRollup> GetDailyRollupAsync(DateOnly through)
    {
        var children = await Task.WhenAll(Desk.Profile.Children.Select(child => GrainFactory.GetUnit(child).GetDailyRollupAsync(through)));
        return Desk.Rollup(through, children);
    }
}
