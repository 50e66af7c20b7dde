using System.Text.Json.Serialization;
using MathNet.Numerics;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.Warnings;

/// <summary>
/// The early-warning rule (docs/early-warning.md says why this one): for each case type, the
/// arrivals of the last 1..<see cref="MaxWindowDays"/> days are compared with the unit's own
/// baseline, the <see cref="BaselineDays"/> days that end <see cref="GuardDays"/> days before
/// the longest window (so a spike does not hide in its own baseline). Under "nothing changed",
/// a window count x and a baseline count y of Poisson arrivals are split binomially given x + y,
/// with the window's share of the days: the exact conditional test of two Poisson rates, which
/// carries the baseline's own uncertainty and needs no rate table. A window whose upper tail is
/// at most <see cref="Alpha"/> raises a warning.
/// </summary>
[GenerateSerializer, Immutable, Alias("gov.early-warning-rule")]
public sealed record EarlyWarningRule
{
    /// <summary>The false-alarm chance of one window test on one day for one unit and type.</summary>
    [Id(0)] public double Alpha { get; init; } = 1e-5;

    [Id(1)] public int MaxWindowDays { get; init; } = 3;

    [Id(2)] public int BaselineDays { get; init; } = 28;

    [Id(3)] public int GuardDays { get; init; } = 7;

    /// <summary>A unit with fewer days of history in its baseline raises nothing yet.</summary>
    [Id(4)] public int MinBaselineDays { get; init; } = 14;

    /// <summary>A window with fewer cases raises nothing, however quiet the baseline was.</summary>
    [Id(5)] public int MinObserved { get; init; } = 3;

    /// <summary>
    /// Units below this level only feed the sums above them: a grid's few cases a month are its
    /// village's to judge, and every unit that tests adds to a county's false warnings (docs/early-warning.md).
    /// </summary>
    [Id(6)] public Level MinLevel { get; init; } = Level.Village;

    /// <summary>Counts read by one evaluation stay on the stack up to this many (a validated rule reads at most 70 days of every type).</summary>
    private const int StackInts = 1024;

    /// <summary>How far back <see cref="EarlyWarning.Since"/> is looked for.</summary>
    public const int SinceLookBackDays = 14;

    /// <summary>The days of history one evaluation reads: the day before, the look-back included.</summary>
    [JsonIgnore]
    public int DaysNeeded => 1 + MaxWindowDays + GuardDays + BaselineDays + SinceLookBackDays;

    /// <summary>
    /// The first day a subtree whose history starts on <paramref name="since"/> is tested: the
    /// baseline before its longest window and guard then holds <see cref="MinBaselineDays"/> days.
    /// </summary>
    public DateOnly FirstDayTested(DateOnly since) => since.AddDays(MaxWindowDays + GuardDays + MinBaselineDays - 1);

    /// <summary>Problems with the values, each naming the field; empty when the rule is usable.</summary>
    public IEnumerable<string> Validate()
    {
        if (!(Alpha > 0 && Alpha < 1))
        {
            yield return $"policy.earlyWarning.alpha must be between 0 and 1, got {Alpha}";
        }

        if (!Enum.IsDefined(MinLevel))
        {
            yield return $"policy.earlyWarning.minLevel must be a level (grid..city), got {MinLevel}";
        }

        if (MaxWindowDays < 1 || GuardDays < 0 || MinBaselineDays < 1 || BaselineDays < MinBaselineDays || MinObserved < 1)
        {
            yield return $"policy.earlyWarning needs maxWindowDays ≥ 1, guardDays ≥ 0, 1 ≤ minBaselineDays ≤ baselineDays and minObserved ≥ 1, got {MaxWindowDays}, {GuardDays}, {MinBaselineDays}, {BaselineDays}, {MinObserved}";
        }
        else if (DaysNeeded > DailyLedger.RetainedDays)
        {
            yield return $"policy.earlyWarning reads {DaysNeeded} days of history (windows, guard, baseline and {SinceLookBackDays} days of look-back), more than the {DailyLedger.RetainedDays} a unit keeps";
        }
    }

    /// <summary>Whether units of <paramref name="level"/> judge their subtree at all; below it they only feed the sums above.</summary>
    public bool Tests(Level level) => level >= MinLevel;

    /// <summary>
    /// The first of the recent days (the longest window ending on <paramref name="through"/>, and
    /// the day before it) whose arrivals decide whether anything is raised at all: a subtree
    /// without arrivals from that day to <paramref name="through"/> raises nothing.
    /// </summary>
    public DateOnly RecentFrom(DateOnly through) => through.AddDays(-MaxWindowDays);

    /// <summary>
    /// Whether a subtree with <paramref name="recentArrivals"/> arrivals, all types together, from
    /// <see cref="RecentFrom"/> to the day tested may raise anything: with fewer than
    /// <see cref="MinObserved"/>, no type's window can.
    /// </summary>
    public bool MayRaise(int recentArrivals) => recentArrivals >= MinObserved;

    /// <summary>
    /// The warnings a unit raises on its subtree's arrivals for the days up to <paramref name="through"/>
    /// (on that day, or else on the day before), strongest first.
    /// </summary>
    public IReadOnlyList<EarlyWarning> Evaluate(UnitRef unit, IArrivalHistory subtree, DateOnly through)
    {
        if (!Tests(unit.Level) || subtree.Since is not { } since)
        {
            return [];
        }

        // Most units, on most days, have too few recent arrivals of any type to break the rule:
        // they are done after reading the longest window and the day before it.
        var types = DayActivity.TypeCount;
        var recentLength = (MaxWindowDays + 1) * types;
        Span<int> recent = recentLength <= StackInts ? stackalloc int[recentLength] : new int[recentLength];
        subtree.CopyArrivals(RecentFrom(through), recent);
        Span<int> recentTotals = stackalloc int[types];
        var anyCandidate = false;
        for (var t = 0; t < types; t++)
        {
            for (var d = 0; d <= MaxWindowDays; d++)
            {
                recentTotals[t] += recent[(d * types) + t];
            }

            anyCandidate |= recentTotals[t] >= MinObserved;
        }

        if (!anyCandidate)
        {
            return [];
        }

        var first = through.AddDays(1 - DaysNeeded);
        Span<int> counts = DaysNeeded * types <= StackInts ? stackalloc int[DaysNeeded * types] : new int[DaysNeeded * types];
        subtree.CopyArrivals(first, counts);
        Span<int> cumulative = DaysNeeded + 1 <= StackInts ? stackalloc int[DaysNeeded + 1] : new int[DaysNeeded + 1];
        var warnings = new List<EarlyWarning>();
        for (var t = 0; t < types; t++)
        {
            if (recentTotals[t] < MinObserved)
            {
                continue;
            }

            // Cumulative counts make every window and baseline one subtraction.
            for (var d = 0; d < DaysNeeded; d++)
            {
                cumulative[d + 1] = cumulative[d] + counts[(d * types) + t];
            }

            // A spike of the last whole day still shows the morning after, while today's counts are only beginning.
            var known = since.DayNumber - first.DayNumber;
            var end = DaysNeeded - 1;
            var latest = Test(cumulative, end, known);
            if (latest is null)
            {
                end--;
                latest = Test(cumulative, end, known);
            }

            if (latest is not { } found)
            {
                continue;
            }

            var back = 0;
            while (back < SinceLookBackDays && Test(cumulative, end - back - 1, known) is not null)
            {
                back++;
            }

            var windowTo = first.AddDays(end);
            warnings.Add(new EarlyWarning(unit.Id, unit.Level, (CaseType)t, windowTo.AddDays(1 - found.Window), windowTo,
                found.Observed, found.Expected, found.PValue, windowTo.AddDays(-back)));
        }

        warnings.Sort(static (a, b) => a.PValue.CompareTo(b.PValue) is var c and not 0 ? c : a.Type.CompareTo(b.Type));
        return warnings;
    }

    /// <summary>
    /// The most significant window ending on day <paramref name="end"/> (an index into the
    /// cumulative counts' days) that breaks the rule, if any; days before <paramref name="known"/> are unknown.
    /// </summary>
    private (int Window, int Observed, double Expected, double PValue)? Test(ReadOnlySpan<int> cumulative, int end, int known)
    {
        var baselineLast = end - MaxWindowDays - GuardDays;
        var baselineFirst = Math.Max(Math.Max(baselineLast + 1 - BaselineDays, known), 0);
        var baselineDays = baselineLast - baselineFirst + 1;
        if (baselineDays < MinBaselineDays || Sum(cumulative, end - MaxWindowDays + 1, end) < MinObserved)
        {
            return null;
        }

        var baseline = Sum(cumulative, baselineFirst, baselineLast);
        (int Window, int Observed, double Expected, double PValue)? strongest = null;
        for (var window = 1; window <= MaxWindowDays; window++)
        {
            var observed = Sum(cumulative, end - window + 1, end);
            var expected = (double)baseline * window / baselineDays;
            if (observed < MinObserved || observed <= expected)
            {
                continue;
            }

            var pValue = UpperTail(observed, observed + baseline, (double)window / (window + baselineDays));
            if (pValue <= Alpha && (strongest is null || pValue < strongest.Value.PValue))
            {
                strongest = (window, observed, expected, pValue);
            }
        }

        return strongest;
    }

    /// <summary>The arrivals of the days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    private static int Sum(ReadOnlySpan<int> cumulative, int from, int to) => cumulative[to + 1] - cumulative[from];

    /// <summary>P(X ≥ k) for X ~ Binomial(n, p), 1 ≤ k ≤ n: the regularised incomplete beta I_p(k, n − k + 1).</summary>
    internal static double UpperTail(int k, int n, double p) => SpecialFunctions.BetaRegularized(k, n - k + 1, p);
}
