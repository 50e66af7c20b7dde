using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Orleans.Governance.Grains.Storage;

/// <summary>
/// The embedded default's grain storage: each grain's last written state kept in this process
/// as a deep copy made by Orleans' copier, with a version as its ETag. The copier shares what
/// is immutable (a case's file and trail) and copies what is not (a unit's desk), so a stored
/// state is isolated from later changes of the activation, as a serialized one would be, at a
/// fraction of the memory and time. Unlike Orleans' memory storage it makes no grain call per
/// write; nothing survives the process, which is what the embedded default promises.
/// </summary>
public sealed class InProcessGrainStorage(DeepCopier copier, IActivatorProvider activators) : IGrainStorage
{
    private static readonly string[] s_etags = [.. Enumerable.Range(0, 256).Select(v => v.ToString(CultureInfo.InvariantCulture))];

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<GrainId, Stored>> _states = new(StringComparer.Ordinal);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (States(stateName).TryGetValue(grainId, out var stored))
        {
            grainState.State = copier.Copy((T)stored.State);
            grainState.ETag = ETag(stored.Version);
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = activators.GetActivator<T>().Create();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var states = States(stateName);
        var expected = Version(grainState.ETag);
        var copy = copier.Copy(grainState.State)!;
        if (expected == 0)
        {
            if (!states.TryAdd(grainId, new Stored(copy, 1)))
            {
                throw Stale(stateName, grainId, grainState.ETag, states);
            }

            grainState.ETag = ETag(1);
        }
        else
        {
            if (!states.TryGetValue(grainId, out var current) || current.Version != expected
                || !states.TryUpdate(grainId, new Stored(copy, expected + 1), current))
            {
                throw Stale(stateName, grainId, grainState.ETag, states);
            }

            grainState.ETag = ETag(expected + 1);
        }

        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var states = States(stateName);
        if (grainState.ETag is not null)
        {
            var expected = Version(grainState.ETag);
            if (!states.TryGetValue(grainId, out var current) || current.Version != expected
                || !states.TryRemove(new KeyValuePair<GrainId, Stored>(grainId, current)))
            {
                throw Stale(stateName, grainId, grainState.ETag, states);
            }
        }
        else if (states.ContainsKey(grainId))
        {
            throw Stale(stateName, grainId, null, states);
        }

        grainState.State = activators.GetActivator<T>().Create();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private ConcurrentDictionary<GrainId, Stored> States(string stateName) =>
        _states.GetOrAdd(stateName, static _ => new ConcurrentDictionary<GrainId, Stored>());

    // Versions are small numbers for almost every grain: their ETag strings are shared, not allocated per write.
    private static string ETag(int version) =>
        version < s_etags.Length ? s_etags[version] : version.ToString(CultureInfo.InvariantCulture);

    private static int Version(string? etag) =>
        etag is null ? 0
        : int.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version
        : throw new InconsistentStateException($"ETag '{etag}' was not issued by the in-process storage.", null, etag, null);

    private static InconsistentStateException Stale(string stateName, GrainId grainId, string? etag, ConcurrentDictionary<GrainId, Stored> states)
    {
        var stored = states.TryGetValue(grainId, out var current) ? ETag(current.Version) : null;
        return new InconsistentStateException(
            $"State '{stateName}' of {grainId} was written by someone else: the activation holds version {etag ?? "(none)"}, the store has {stored ?? "(none)"}.",
            stored, etag, null);
    }

    /// <summary>One grain's state as last written; replaced whole, so compare-and-swap is by reference.</summary>
    private sealed class Stored(object state, int version)
    {
        public object State { get; } = state;

        public int Version { get; } = version;
    }
}
