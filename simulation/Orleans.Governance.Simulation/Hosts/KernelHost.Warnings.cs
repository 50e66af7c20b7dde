using Orleans.Governance.Domain.Warnings;

namespace Orleans.Governance.Simulation.Hosts;

/// <summary>
/// The daily warnings without summing the city every day: each subtree's arrivals over the days
/// its rule reads are kept as running sums, to which a unit adds what changed in its own ledger
/// since it was last read (read only after it was entered). The rule itself is the Domain's,
/// evaluated on these sums as the grains evaluate it on their summed series.
/// </summary>
public sealed partial class KernelHost
{
    private readonly List<KernelUnit> _ledgersToRead = [];

    // The units whose rule tests their level, depth first from the city in the profiles' order:
    // each unit's subtree is one run of it, listed in the order the grains' roll-ups list warnings.
    private KernelUnit[] _tested = [];

    private SubtreeWarnings Warnings(KernelUnit unit, DateOnly through)
    {
        foreach (var entered in _ledgersToRead)
        {
            ReadLedger(entered);
        }

        _ledgersToRead.Clear();
        var warnings = new List<EarlyWarning>();
        for (var i = unit.TestedFrom; i < unit.TestedTo; i++)
        {
            // A subtree without arrivals in its rule's recent days raises nothing: it is not asked.
            var tested = _tested[i];
            if (tested.Arrivals.LatestArrival >= tested.Rule.RecentFrom(through).DayNumber
                && tested.Rule.Evaluate(tested.Ref, tested.Arrivals, through) is { Count: > 0 } raised)
            {
                warnings.AddRange(raised);
            }
        }

        return new SubtreeWarnings(unit.Arrivals.Since, warnings);
    }

    /// <summary>Wires the loaded units for the running sums: every ledger is read (again) from nothing.</summary>
    private void PrepareSums(IEnumerable<KernelUnit> units)
    {
        foreach (var unit in units)
        {
            var profile = unit.Handler.Desk.Profile;
            unit.Rule = profile.Policy.EarlyWarning;
            unit.Ref = unit.Handler.Desk.Ref;
            unit.Children = [.. profile.Children.Select(child => UnitOf(child.Id))];
            unit.Arrivals = new SubtreeArrivals(unit.Rule.Tests(profile.Level) ? unit.Rule.DaysNeeded + 1 : 0);
            unit.Read = LedgerReading.Nothing;
            if (!unit.LedgerMayHaveChanged)
            {
                unit.LedgerMayHaveChanged = true;
                _ledgersToRead.Add(unit);
            }
        }

        var tested = new List<KernelUnit>();
        foreach (var unit in units)
        {
            if (unit.Parent is null)
            {
                ListTested(unit, tested);
            }
        }

        _tested = [.. tested];
    }

    private static void ListTested(KernelUnit unit, List<KernelUnit> tested)
    {
        unit.TestedFrom = tested.Count;
        if (unit.Rule.Tests(unit.Ref.Level))
        {
            tested.Add(unit);
        }

        foreach (var child in unit.Children)
        {
            ListTested(child, tested);
        }

        unit.TestedTo = tested.Count;
    }

    /// <summary>Adds what changed in the unit's ledger since it was last read to its subtree's sums and every sum above.</summary>
    private static void ReadLedger(KernelUnit unit)
    {
        unit.LedgerMayHaveChanged = false;
        var ledger = unit.Desk.Ledger;
        var before = unit.Read;
        if (before.Revision == ledger.ArrivalsRevision)
        {
            return;
        }

        var after = before.Next(ledger, out var unchangedFrom, out var unchangedTo);
        unit.Read = after;
        if (ledger.Since is { } since)
        {
            // A subtree's first day is its units' earliest, and a ledger's first day only moves back.
            for (var above = unit; above is not null && !(above.Arrivals.Since <= since); above = above.Parent)
            {
                above.Arrivals.Since = since;
            }
        }

        // Only the days dropped and those from the earliest change on may differ: before's entries
        // outside the run after kept unchanged are compared, in order, with after's past that run.
        int Past(int index) => index == unchangedFrom ? unchangedTo : index;
        var (i, j) = (Past(0), unchangedTo - unchangedFrom);
        while (i < before.Count || j < after.Count)
        {
            var key = Math.Min(i < before.Count ? before.Key(i) : int.MaxValue, j < after.Count ? after.Key(j) : int.MaxValue);
            var was = i < before.Count && before.Key(i) == key ? before.Arrivals(i++) : 0;
            var now = j < after.Count && after.Key(j) == key ? after.Arrivals(j++) : 0;
            i = Past(i);
            var (day, type) = Math.DivRem(key, DayActivity.TypeCount);
            for (var above = unit; now != was && above is not null; above = above.Parent)
            {
                above.Arrivals.Add(day, type, now - was);
            }
        }
    }

    /// <summary>
    /// A unit's own ledger as the host last read it: each day and type that had arrivals (in
    /// order, as day × <see cref="DayActivity.TypeCount"/> + type) with their count.
    /// </summary>
    private sealed class LedgerReading
    {
        private readonly int[] _keys;
        private readonly int[] _arrivals;

        private LedgerReading(int revision, int[] keys, int[] arrivals)
        {
            Revision = revision;
            _keys = keys;
            _arrivals = arrivals;
        }

        /// <summary>Before the first reading: no revision of a ledger is -1.</summary>
        public static LedgerReading Nothing { get; } = new(-1, [], []);

        /// <summary>The ledger's <see cref="DailyLedger.ArrivalsRevision"/> when it was read.</summary>
        public int Revision { get; }

        public int Count => _keys.Length;

        /// <summary>
        /// The ledger read again: this reading's days the ledger still keeps up to its earliest
        /// change (<see cref="DailyLedger.TakeEarliestArrivalChange"/>), which this reading's
        /// entries <paramref name="unchangedFrom"/> to <paramref name="unchangedTo"/> (excluded)
        /// give unchanged, then the ledger's days from there on, read anew.
        /// </summary>
        public LedgerReading Next(DailyLedger ledger, out int unchangedFrom, out int unchangedTo)
        {
            var types = DayActivity.TypeCount;
            var days = ledger.Days;
            var firstKept = days.Count > 0 ? days[0].Day.DayNumber : int.MaxValue;
            var changedFrom = ledger.TakeEarliestArrivalChange()?.DayNumber ?? int.MaxValue;
            var from = Math.Max(this == Nothing ? int.MinValue : changedFrom, firstKept);
            unchangedFrom = 0;
            while (unchangedFrom < Count && _keys[unchangedFrom] / types < firstKept)
            {
                unchangedFrom++;
            }

            unchangedTo = Count;
            while (unchangedTo > unchangedFrom && _keys[unchangedTo - 1] / types >= from)
            {
                unchangedTo--;
            }

            var first = days.Count;
            while (first > 0 && days[first - 1].Day.DayNumber >= from)
            {
                first--;
            }

            var most = (days.Count - first) * types;
            Span<int> keys = most <= DailyLedger.RetainedDays * types ? stackalloc int[most] : new int[most];
            Span<int> arrivals = most <= DailyLedger.RetainedDays * types ? stackalloc int[most] : new int[most];
            var read = 0;
            for (var d = first; d < days.Count; d++)
            {
                var tally = days[d];
                for (var type = 0; type < types; type++)
                {
                    if (tally.Arrivals[type] != 0)
                    {
                        keys[read] = (tally.Day.DayNumber * types) + type;
                        arrivals[read++] = tally.Arrivals[type];
                    }
                }
            }

            var kept = unchangedTo - unchangedFrom;
            var (nextKeys, nextArrivals) = (new int[kept + read], new int[kept + read]);
            Array.Copy(_keys, unchangedFrom, nextKeys, 0, kept);
            Array.Copy(_arrivals, unchangedFrom, nextArrivals, 0, kept);
            keys[..read].CopyTo(nextKeys.AsSpan(kept));
            arrivals[..read].CopyTo(nextArrivals.AsSpan(kept));
            return new LedgerReading(ledger.ArrivalsRevision, nextKeys, nextArrivals);
        }

        public int Key(int index) => _keys[index];

        public int Arrivals(int index) => _arrivals[index];
    }

    /// <summary>
    /// A subtree's arrivals by day and type over the last <c>days</c> days (none when its rule does
    /// not test it): one ring of days per case type, made when the type first arrives (most cities
    /// see a few types), moving on with the newest day recorded. Days older than the rings are no
    /// window's any more: warnings are asked day by day, in order.
    /// </summary>
    private sealed class SubtreeArrivals(int days) : IArrivalHistory
    {
        private readonly int[]?[] _byType = new int[]?[days == 0 ? 0 : DayActivity.TypeCount];
        private int _newest = -1;

        public DateOnly? Since { get; set; }

        /// <summary>The newest day (day number) any arrival was added for; -1 before the first.</summary>
        public int LatestArrival { get; private set; } = -1;

        public void Add(int day, int type, int count)
        {
            if (days == 0)
            {
                return;
            }

            if (day > _newest)
            {
                for (var cleared = Math.Max(_newest + 1, day - days + 1); cleared <= day; cleared++)
                {
                    foreach (var ring in _byType)
                    {
                        ring?[cleared % days] = 0;
                    }
                }

                _newest = day;
            }

            if (day > _newest - days)
            {
                (_byType[type] ??= new int[days])[day % days] += count;
                if (count > 0 && day > LatestArrival)
                {
                    LatestArrival = day;
                }
            }
        }

        public void CopyArrivals(DateOnly first, Span<int> counts)
        {
            var types = DayActivity.TypeCount;
            if (first.DayNumber <= _newest - days)
            {
                throw new InvalidOperationException($"The kernel host keeps a subtree's arrivals for the last {days} days only, and was asked from {first}: warnings are asked day by day, in order.");
            }

            counts.Clear();
            for (var type = 0; type < _byType.Length; type++)
            {
                if (_byType[type] is not { } ring)
                {
                    continue;
                }

                for (var (row, day) = (0, first.DayNumber); row < counts.Length / types && day <= _newest; row++, day++)
                {
                    counts[(row * types) + type] = ring[day % days];
                }
            }
        }
    }
}
