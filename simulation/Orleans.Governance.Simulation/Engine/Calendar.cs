using System.Runtime.CompilerServices;

namespace Orleans.Governance.Simulation.Engine;

/// <summary>
/// The engine's calendar: a min-heap of entries by (time, sequence), four children a node (half
/// the depth of a binary heap, the children side by side in memory). A timer holds at most
/// one entry, moved in place when the timer is changed and taken out when it is stopped, so a
/// unit's wake-up, moved on nearly every report, is one entry rather than a trail of voided ones
/// each popped in turn. Not thread-safe: the engine locks around it.
/// </summary>
internal sealed class Calendar
{
    private const int Arity = 4;

    private CalendarEntry[] _heap = new CalendarEntry[1024];
    private int _count;

    public int Count => _count;

    public void Add(CalendarEntry entry)
    {
        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        MoveUp(_count++, entry);
    }

    /// <summary>Books <paramref name="timer"/>'s wake-up, moving its entry if it has one.</summary>
    public void Book(VirtualTimer timer, CalendarEntry entry)
    {
        if (timer.BookedIn != this)
        {
            Add(entry);
            return;
        }

        var slot = timer.Slot;
        if (Precedes(entry, _heap[slot]))
        {
            MoveUp(slot, entry);
        }
        else
        {
            MoveDown(slot, entry);
        }
    }

    /// <summary>Takes <paramref name="timer"/>'s entry out, if it has one.</summary>
    public void Cancel(VirtualTimer timer)
    {
        if (timer.BookedIn == this)
        {
            timer.BookedIn = null;
            RemoveAt(timer.Slot);
        }
    }

    public bool TryPeek(out CalendarEntry entry)
    {
        entry = _count > 0 ? _heap[0] : default;
        return _count > 0;
    }

    public CalendarEntry Pop()
    {
        var first = _heap[0];
        if (first.Kind == EventKind.Timer)
        {
            ((VirtualTimer)first.Subject!).BookedIn = null;
        }

        RemoveAt(0);
        return first;
    }

    private void RemoveAt(int slot)
    {
        var last = _heap[--_count];
        _heap[_count] = default;
        if (slot == _count)
        {
            return;
        }

        if (slot > 0 && Precedes(last, _heap[(slot - 1) / Arity]))
        {
            MoveUp(slot, last);
        }
        else
        {
            MoveDown(slot, last);
        }
    }

    private void MoveUp(int slot, CalendarEntry entry)
    {
        while (slot > 0)
        {
            var parent = (slot - 1) / Arity;
            if (!Precedes(entry, _heap[parent]))
            {
                break;
            }

            Place(slot, _heap[parent]);
            slot = parent;
        }

        Place(slot, entry);
    }

    private void MoveDown(int slot, CalendarEntry entry)
    {
        while (true)
        {
            var first = (Arity * slot) + 1;
            if (first >= _count)
            {
                break;
            }

            var child = first;
            for (var other = first + 1; other < first + Arity && other < _count; other++)
            {
                if (Precedes(_heap[other], _heap[child]))
                {
                    child = other;
                }
            }

            if (!Precedes(_heap[child], entry))
            {
                break;
            }

            Place(slot, _heap[child]);
            slot = child;
        }

        Place(slot, entry);
    }

    private void Place(int slot, CalendarEntry entry)
    {
        _heap[slot] = entry;
        if (entry.Kind == EventKind.Timer)
        {
            var timer = (VirtualTimer)entry.Subject!;
            timer.BookedIn = this;
            timer.Slot = slot;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Precedes(in CalendarEntry a, in CalendarEntry b) => a.Time < b.Time || (a.Time == b.Time && a.Sequence < b.Sequence);
}
