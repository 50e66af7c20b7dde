using System.Collections;

namespace Orleans.Governance.Domain.Cases;

/// <summary>
/// An audit trail whose versions share one growing buffer, for a host that keeps a case in
/// memory (the simulator's kernel host): a version appended to from its newest version writes
/// into the buffer's spare room instead of copying the trail, so a case's n entries cost about
/// one buffer rather than n arrays of n entries. Each version still sees exactly its own entries;
/// appending to an older version copies them into a buffer of its own. Not a stored shape: stored
/// and sent files carry arrays, so only a host that starts its files from <see cref="Empty"/> makes these.
/// </summary>
public sealed class SharedTrail : IReadOnlyList<AuditEntry>
{
    private readonly Buffer _buffer;
    private readonly int _count;

    private SharedTrail(Buffer buffer, int count)
    {
        _buffer = buffer;
        _count = count;
    }

    /// <summary>No entries, and no room: the first entry makes a case its own buffer.</summary>
    public static SharedTrail Empty { get; } = new(new Buffer([]), 0);

    public int Count => _count;

    public AuditEntry this[int index] => (uint)index < (uint)_count ? _buffer.Entries[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>This trail with <paramref name="entry"/> after its own entries.</summary>
    public SharedTrail Append(AuditEntry entry)
    {
        // Only the newest version may claim the next slot, so no version's entries ever change.
        if (_count < _buffer.Entries.Length && Interlocked.CompareExchange(ref _buffer.Used, _count + 1, _count) == _count)
        {
            _buffer.Entries[_count] = entry;
            return new SharedTrail(_buffer, _count + 1);
        }

        var grown = new Buffer(new AuditEntry[Math.Max(8, _count * 2)]) { Used = _count + 1 };
        Array.Copy(_buffer.Entries, grown.Entries, _count);
        grown.Entries[_count] = entry;
        return new SharedTrail(grown, _count + 1);
    }

    public IEnumerator<AuditEntry> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _buffer.Entries[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The entries of every version sharing it: slots below <see cref="Used"/> are taken.</summary>
    private sealed class Buffer(AuditEntry[] entries)
    {
        public readonly AuditEntry[] Entries = entries;
        public int Used;
    }
}
