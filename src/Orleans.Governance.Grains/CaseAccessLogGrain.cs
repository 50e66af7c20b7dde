using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Access;
using Orleans.Governance.Grains.Storage;

namespace Orleans.Governance.Grains;

/// <summary>
/// A case's log of unmasked reads, apart from the case so that reading a case never writes the
/// case's own state (and its version, which people's commands are checked against, stays put).
/// </summary>
public sealed class CaseAccessLogGrain(
    [DirectState("access-log", StorageNames.Governance)] IPersistentState<AccessLogState> state) : Grain, ICaseAccessLogGrain
{
    public async Task RecordAsync(AccessRecord record)
    {
        state.State.Records = [.. state.State.Records, record];
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<AccessRecord>> GetAsync() => Task.FromResult(state.State.Records);
}
