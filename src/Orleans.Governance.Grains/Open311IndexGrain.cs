using Orleans.Governance.Abstractions;
using Orleans.Governance.Grains.Storage;

namespace Orleans.Governance.Grains;

/// <summary>
/// One system's Open311 filings of one month. The façade records a filing before it registers the
/// case, so a listed number whose case never came to be is possible (the façade skips it) but a
/// filed case missing from the list is not.
/// </summary>
public sealed class Open311IndexGrain(
    [DirectState("open311-index", StorageNames.Governance)] IPersistentState<Open311IndexState> state) : Grain, IOpen311IndexGrain
{
    public async Task RecordAsync(Open311Filing filing)
    {
        state.State.Filings = [.. state.State.Filings.Where(f => f.CaseNumber != filing.CaseNumber), filing];
        await state.WriteStateAsync();
    }

    public Task<Open311Filing?> FindAsync(string caseNumber) =>
        Task.FromResult(state.State.Filings.LastOrDefault(f => f.CaseNumber == caseNumber));

    public Task<IReadOnlyList<Open311Filing>> ListAsync(DateTimeOffset from, DateTimeOffset to) =>
        Task.FromResult<IReadOnlyList<Open311Filing>>([.. state.State.Filings.Where(f => f.FiledAt >= from && f.FiledAt <= to).OrderByDescending(f => f.FiledAt)]);
}
