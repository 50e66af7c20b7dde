using System.Collections;

namespace Orleans.Governance.Domain.Cases;

/// <summary>
/// The trail of a working file (<see cref="CaseFile.Working"/>): it grows in place, as the file
/// does. Not a stored shape: stored and sent files carry arrays, so only a host that starts its
/// files as working files makes these.
/// </summary>
internal sealed class WorkingTrail : IReadOnlyList<AuditEntry>
{
    private AuditEntry[] _entries = new AuditEntry[8];
    private int _count;

    public int Count => _count;

    public AuditEntry this[int index] => (uint)index < (uint)_count ? _entries[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public void Add(AuditEntry entry)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _count * 2);
        }

        _entries[_count++] = entry;
    }

    public IEnumerator<AuditEntry> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _entries[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
