using Microsoft.Extensions.Logging;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Grains.Storage;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Figures;

namespace Orleans.Governance.Grains;

/// <summary>Loads a city into its units: validated first, then every unit configured, top-down, a batch at a time.</summary>
public sealed partial class CityGrain(
    [DirectState("city", StorageNames.Governance)] IPersistentState<CityState> state,
    ILogger<CityGrain> logger) : Grain, ICityGrain
{
    public async Task<CityLoadReport> LoadAsync(CityDefinition definition)
    {
        if (definition.Id != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"City {definition.Id} sent to city grain {this.GetPrimaryKeyString()}.", nameof(definition));
        }

        var plan = CityPlan.From(definition, $"city '{definition.Id}'");
        var configured = await GrainFactory.ConfigureUnitsAsync(plan.Units, done => LogProgress(logger, plan.Id, done, plan.Units.Count));

        state.State.Root = plan.Root.Ref;
        state.State.Units = plan.Units.Count;
        await state.WriteStateAsync();
        LogLoaded(logger, plan.Id, plan.Units.Count, configured);
        return new CityLoadReport(plan.Id, plan.Units.Count, configured, plan.Units.Count - configured);
    }

    public Task<UnitFigures> GetFiguresAsync() => state.State.Root is { } root
        ? GrainFactory.GetGrain<ICentreGrain>(root.Id).GetRollupAsync()
        : throw new InvalidOperationException($"City {this.GetPrimaryKeyString()} has not been loaded.");

    [LoggerMessage(2, LogLevel.Debug, "City {CityId}: {Done} of {Units} units configured")]
    private static partial void LogProgress(ILogger logger, string cityId, int done, int units);

    [LoggerMessage(1, LogLevel.Information, "City {CityId} loaded: {Units} units, {Configured} configured, the rest unchanged")]
    private static partial void LogLoaded(ILogger logger, string cityId, int units, int configured);
}
