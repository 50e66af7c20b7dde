using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Figures;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Domain.Warnings;
using Orleans.Governance.Simulation.Engine;

namespace Orleans.Governance.Simulation.Hosts;

/// <summary>The production grains on an embedded silo it owns, driven through grain calls; the call tracker holds their one-way messages and records their notices.</summary>
public sealed class GrainHost(SimulationSilo silo) : IGovernanceHost
{
    private IGrainFactory Grains => silo.Grains;

    public bool StoresParties => true;

    public VirtualTimeProvider Clock => silo.Clock;

    /// <summary>The units configured as the city grain configures them, from the plan the scenario validated (the city grain would validate it again).</summary>
    public async Task LoadAsync(CityPlan city) => await Grains.ConfigureUnitsAsync(city.Units);

    public async ValueTask<CaseRefusal?> RegisterAsync(string caseId, CaseIntake intake, string actor) => (await Grains.GetCase(caseId).RegisterAsync(intake, actor)).Refusal;

    public async ValueTask<CaseRefusal?> ExecuteAsync(string caseId, CaseCommand command) => (await Grains.GetCase(caseId).ExecuteAsync(command)).Refusal;

    public async ValueTask<CaseRefusal?> EscalateAsync(string caseId, string actor, string reason) => (await Grains.GetCase(caseId).EscalateAsync(actor, reason)).Refusal;

    /// <summary>Grains stay active for the run: the twin keeps every case as the production cluster would.</summary>
    public void Finished(string caseId)
    {
    }

    public void TakeNotices(List<GrainNotice> into) => silo.Tracker.TakeNotices(into);

    public Task<DailyRollup> GetDailyRollupAsync(UnitRef unit, DateOnly through) => Grains.GetUnit(unit).GetDailyRollupAsync(through);

    public async Task<SubtreeWarnings> GetWarningsAsync(UnitRef unit, DateOnly through)
    {
        var rollup = await GetDailyRollupAsync(unit, through);
        return new SubtreeWarnings(rollup.Series.Since, rollup.Warnings);
    }

    public Task<UnitFigures> GetFiguresAsync(UnitRef unit) => Grains.GetUnit(unit).GetFiguresAsync();

    public Task<IReadOnlyList<WorkItem>> GetWorklistAsync(UnitRef unit, Worklist list) => Grains.GetUnit(unit).GetWorklistAsync(list);

    public Task<UnitFigures> GetSubtreeFiguresAsync(UnitRef centre) => Grains.GetGrain<ICentreGrain>(centre.Id).GetRollupAsync();

    public Task<CaseFile> GetCaseAsync(string caseId) => Grains.GetCase(caseId).GetAsync();

    public void BeginTick() => silo.Tracker.BeginTick();

    public void EndTick() => silo.Tracker.EndTick();

    public Task SettleAsync() => silo.Tracker.SettleAsync();

    public ValueTask DisposeAsync() => silo.DisposeAsync();
}
