namespace Orleans.Governance.Abstractions;

/// <summary>A grid (网格): its grid worker takes what is reported there, resolves what they can and blows the whistle to the village for the rest. Key: the grid id.</summary>
[Alias("gov.grid")]
public interface IGridGrain : IUnitGrain;
