using Orleans.Governance.Domain.Warnings;

namespace Orleans.Governance.Simulation.Hosts;

/// <summary>
/// The daily warnings without summing the city every day: each subtree's arrivals over the days
/// its rule reads are kept as running sums, to which a unit's ledger adds each change it makes
/// as it makes it (<see cref="ILedgerObserver"/>). The rule itself is the Domain's, evaluated on
/// these sums as the grains evaluate it on their summed series.
/// </summary>
public sealed partial class KernelHost
{
    // The units whose rule tests their level, depth first from the city in the profiles' order:
    // each unit's subtree is one run of it, listed in the order the grains' roll-ups list warnings.
    private KernelUnit[] _tested = [];

    private SubtreeWarnings Warnings(KernelUnit unit, DateOnly through)
    {
        var warnings = new List<EarlyWarning>();
        for (var i = unit.TestedFrom; i < unit.TestedTo; i++)
        {
            // A subtree with too few arrivals in its rule's recent days raises nothing: it is not asked.
            var tested = _tested[i];
            var rule = tested.Rule;
            if (rule.MayRaise(tested.Arrivals.Total(rule.RecentFrom(through).DayNumber, through.DayNumber))
                && rule.Evaluate(tested.Ref, tested.Arrivals, through) is { Count: > 0 } raised)
            {
                warnings.AddRange(raised);
            }
        }

        return new SubtreeWarnings(unit.Arrivals.Since, warnings);
    }

    /// <summary>Wires the loaded units for the running sums: every ledger is summed (again) from nothing, then as it changes.</summary>
    private void PrepareSums(IEnumerable<KernelUnit> units)
    {
        foreach (var unit in units)
        {
            var profile = unit.Handler.Desk.Profile;
            unit.Rule = profile.Policy.EarlyWarning;
            unit.Ref = unit.Handler.Desk.Ref;
            unit.Children = [.. profile.Children.Select(child => UnitOf(child.Id))];
            unit.Arrivals = new SubtreeArrivals(unit.Rule.Tests(profile.Level) ? unit.Rule.DaysNeeded + 1 : 0);
        }

        foreach (var unit in units)
        {
            unit.Desk.Ledger.Observe(unit);
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

    /// <summary>
    /// A subtree's arrivals by day and type over the last <c>days</c> days (none when its rule does
    /// not test it): one ring of days per case type, made when the type first arrives (most cities
    /// see a few types), and one of all types together, moving on with the newest day recorded.
    /// Days older than the rings are no window's any more: warnings are asked day by day, in order.
    /// </summary>
    private sealed class SubtreeArrivals(int days) : IArrivalHistory
    {
        private readonly int[]?[] _byType = new int[]?[days == 0 ? 0 : DayActivity.TypeCount];
        private readonly int[] _totals = new int[days];
        private int _newest = -1;

        public DateOnly? Since { get; set; }

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

                    _totals[cleared % days] = 0;
                }

                _newest = day;
            }

            if (day > _newest - days)
            {
                (_byType[type] ??= new int[days])[day % days] += count;
                _totals[day % days] += count;
            }
        }

        /// <summary>The arrivals of all types on the days from <paramref name="first"/> to <paramref name="last"/> (day numbers), both included.</summary>
        public int Total(int first, int last)
        {
            Kept(first);
            var total = 0;
            for (var day = first; day <= last && day <= _newest; day++)
            {
                total += _totals[day % days];
            }

            return total;
        }

        public void CopyArrivals(DateOnly first, Span<int> counts)
        {
            var types = DayActivity.TypeCount;
            Kept(first.DayNumber);
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

        private void Kept(int first)
        {
            if (first <= _newest - days)
            {
                throw new InvalidOperationException($"The kernel host keeps a subtree's arrivals for the last {days} days only, and was asked from {DateOnly.FromDayNumber(first)}: warnings are asked day by day, in order.");
            }
        }
    }
}
