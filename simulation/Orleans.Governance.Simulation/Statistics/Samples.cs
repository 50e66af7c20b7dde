using System.Collections;

namespace Orleans.Governance.Simulation.Statistics;

/// <summary>
/// Per-case observations of a replication, appended in order. Kept in chunks smaller than the
/// large-object threshold: a growing list reallocates its array on the large-object heap, and
/// the runtime answers every few such allocations with a full collection of the whole heap
/// (on the 10x benchmark network, four in the event loop, of 0.2 to 0.6 s each).
/// </summary>
public sealed class Samples : IReadOnlyList<double>
{
    // 64 KB of doubles, under the 85,000-byte large-object threshold.
    private const int ChunkLength = 8_192;

    private readonly List<double[]> _chunks = [];

    public int Count { get; private set; }

    public double this[int index] => (uint)index < (uint)Count
        ? _chunks[index / ChunkLength][index % ChunkLength]
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"The samples hold {Count} values.");

    public void Add(double value)
    {
        var at = Count % ChunkLength;
        if (at == 0)
        {
            // The first chunk grows as a list would: most observations of a small run fit in it.
            _chunks.Add(new double[Count == 0 ? 64 : ChunkLength]);
        }
        else if (at == _chunks[^1].Length)
        {
            var grown = new double[2 * at];
            _chunks[^1].CopyTo(grown, 0);
            _chunks[^1] = grown;
        }

        _chunks[^1][at] = value;
        Count++;
    }

    public IEnumerator<double> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return _chunks[i / ChunkLength][i % ChunkLength];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
