namespace Orleans.Governance.Domain.Desk;

/// <summary>
/// A desk's deadline watch: at most one alarm per case, in a binary min-heap in
/// <see cref="DeadlineAlarm"/> order. Each case remembers where its alarm sits
/// (<see cref="OpenCase.IndexedAt"/>), so re-arming a case on a report moves one entry in
/// place rather than searching, removing and allocating tree nodes. Derived, never stored.
/// </summary>
internal sealed class DeadlineIndex
{
    private (DeadlineAlarm Alarm, OpenCase Case)[] _heap = [];
    private int _count;

    public int Count => _count;

    /// <summary>The earliest alarm; the index must not be empty.</summary>
    public DeadlineAlarm Min => _heap[0].Alarm;

    /// <summary>The case of <see cref="Min"/>.</summary>
    public OpenCase MinCase => _heap[0].Case;

    /// <summary>
    /// Makes <paramref name="alarm"/> the case's one alarm (none: the case leaves the index). An
    /// alarm equal to the one indexed keeps the indexed one, as a sorted set's add would.
    /// </summary>
    public void Set(OpenCase open, DeadlineAlarm? alarm)
    {
        var slot = open.IndexedAt - 1;
        if (alarm is not { } next)
        {
            if (slot >= 0)
            {
                RemoveAt(slot);
            }

            return;
        }

        if (slot < 0)
        {
            if (_count == _heap.Length)
            {
                // Most units hold a case or two at a time.
                Array.Resize(ref _heap, Math.Max(2, _heap.Length * 2));
            }

            MoveUp(_count++, (next, open));
            return;
        }

        var order = next.CompareTo(_heap[slot].Alarm);
        if (order < 0)
        {
            MoveUp(slot, (next, open));
        }
        else if (order > 0)
        {
            MoveDown(slot, (next, open));
        }
    }

    private void RemoveAt(int slot)
    {
        _heap[slot].Case.IndexedAt = 0;
        var last = _heap[--_count];
        _heap[_count] = default;
        if (slot == _count)
        {
            return;
        }

        if (slot > 0 && last.Alarm.CompareTo(_heap[(slot - 1) / 2].Alarm) < 0)
        {
            MoveUp(slot, last);
        }
        else
        {
            MoveDown(slot, last);
        }
    }

    private void MoveUp(int slot, (DeadlineAlarm Alarm, OpenCase Case) entry)
    {
        while (slot > 0)
        {
            var parent = (slot - 1) / 2;
            if (entry.Alarm.CompareTo(_heap[parent].Alarm) >= 0)
            {
                break;
            }

            Place(slot, _heap[parent]);
            slot = parent;
        }

        Place(slot, entry);
    }

    private void MoveDown(int slot, (DeadlineAlarm Alarm, OpenCase Case) entry)
    {
        while (true)
        {
            var child = (2 * slot) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && _heap[child + 1].Alarm.CompareTo(_heap[child].Alarm) < 0)
            {
                child++;
            }

            if (_heap[child].Alarm.CompareTo(entry.Alarm) >= 0)
            {
                break;
            }

            Place(slot, _heap[child]);
            slot = child;
        }

        Place(slot, entry);
    }

    private void Place(int slot, (DeadlineAlarm Alarm, OpenCase Case) entry)
    {
        _heap[slot] = entry;
        entry.Case.IndexedAt = slot + 1;
    }
}
