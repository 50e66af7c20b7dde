using System.Collections.Concurrent;
using Orleans.Storage;

namespace Orleans.Governance.Tests.Support;

/// <summary>Makes a chosen grain's next state write fail, as a database that went away mid-write would.</summary>
public sealed class StorageFaults
{
    private readonly ConcurrentDictionary<GrainId, bool> _armed = new();

    /// <summary>The grain's next write throws; with <paramref name="afterStoring"/> the state is stored first and only the answer is lost.</summary>
    public void FailNextWrite(GrainId grain, bool afterStoring) => _armed[grain] = afterStoring;

    /// <summary>Waits until the armed failure has happened.</summary>
    public async Task WaitUntilFiredAsync(GrainId grain, string phase)
    {
        for (var waited = 0; _armed.ContainsKey(grain); waited += 10)
        {
            Assert.True(waited < 20_000, $"{phase}: the injected write failure of {grain} did not happen within 20 s.");
            await Task.Delay(10);
        }
    }

    /// <summary>Passes everything to <paramref name="inner"/>, except the writes armed to fail.</summary>
    public IGrainStorage Around(IGrainStorage inner) => new FaultyStorage(inner, this);

    private sealed class FaultyStorage(IGrainStorage inner, StorageFaults faults) : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

        public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            if (!faults._armed.TryRemove(grainId, out var afterStoring))
            {
                await inner.WriteStateAsync(stateName, grainId, grainState);
                return;
            }

            if (afterStoring)
            {
                // Stored, but the activation never learns its new ETag, as when the connection drops after the commit.
                var etag = grainState.ETag;
                await inner.WriteStateAsync(stateName, grainId, grainState);
                grainState.ETag = etag;
            }

            throw new IOException($"Injected fault: the write of {stateName} for {grainId} did not answer.");
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
    }
}
