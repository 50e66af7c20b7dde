using Orleans.Concurrency;
using Orleans.Governance.Domain.Figures;

namespace Orleans.Governance.Abstractions;

/// <summary>A governance centre (综治中心) at village, township, county or city level. Key: the centre id.</summary>
[Alias("gov.centre")]
public interface ICentreGrain : IUnitGrain
{
    /// <summary>This centre's figures plus its whole subtree's, asked of the children on demand.</summary>
    [AlwaysInterleave, Alias("rollup")]
    Task<UnitFigures> GetRollupAsync();
}
