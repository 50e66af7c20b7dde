using Microsoft.Extensions.Logging;
using Orleans.Governance.Abstractions;

namespace Orleans.Governance.Grains;

/// <summary>
/// A grid: its grid worker takes what is reported there first (首问负责), settles what they can
/// and blows the whistle (网格吹哨) to the village for the rest.
/// </summary>
public sealed class GridGrain(
    [PersistentState("grid", StorageNames.Governance)] IPersistentState<UnitState> state,
    TimeProvider clock,
    ILogger<GridGrain> logger) : UnitGrain(state, clock, logger), IGridGrain;
