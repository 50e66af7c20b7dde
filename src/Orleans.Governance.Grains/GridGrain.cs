using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Grains.Storage;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Kernel;

namespace Orleans.Governance.Grains;

/// <summary>
/// A grid: its grid worker takes what is reported there first (首问负责), settles what they can
/// and blows the whistle (网格吹哨) to the village for the rest.
/// </summary>
public sealed class GridGrain(
    [DirectState("grid", StorageNames.Governance)] IPersistentState<UnitState> state,
    [DirectState("grid-desk", StorageNames.Governance)] IPersistentState<DeskState> desk,
    [FromKeyedServices(GovernanceSiloBuilderExtensions.ClockKey)] TimeProvider clock,
    IOptions<GovernanceOptions> options,
    ILogger<GridGrain> logger) : UnitGrain(state, desk, clock, options, logger), IGridGrain;
