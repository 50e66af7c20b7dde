namespace Orleans.Governance.Domain.Figures;

/// <summary>
/// Durations in log-spaced buckets (four per doubling, from one minute to about two years), so
/// that quantiles can be merged up the hierarchy: summing two histograms is exact, and a
/// quantile read from one is within the bucket width (±9 %). The mean is exact. Only the buckets
/// that hold durations are kept (a unit's durations fill a dozen of the 80); <see cref="Buckets"/>
/// is all 80, as stored. A unit's counters record into theirs in place (<see cref="Record"/>), a
/// few times per case, and hand out copies (<see cref="Copy"/>): any histogram a reader holds never changes.
/// </summary>
[GenerateSerializer, Alias("gov.duration-histogram")]
public sealed class DurationHistogram
{
    private const int BucketsPerDoubling = 4;
    private const int BucketCount = 80;

    // The buckets holding durations, ascending, and their counts. The buckets are never changed
    // once made, so copies share them; a new bucket makes new arrays. Null: no buckets at all,
    // which reads differently from all-zero ones.
    [NonSerialized] private byte[]? _filled;
    [NonSerialized] private long[]? _counts;
    [NonSerialized] private long _count;
    [NonSerialized] private double _sumMinutes;

    /// <summary>No durations; shared, so nothing records into it (<see cref="Record"/>).</summary>
    public static DurationHistogram Empty { get; } = new();

    /// <summary>
    /// The count in each of the 80 buckets, as stored; null until a duration is recorded. Set only
    /// when the histogram is made (its serializer needs a setter rather than an initialiser).
    /// </summary>
    [Id(0)]
    public long[]? Buckets
    {
        get
        {
            if (_filled is null)
            {
                return null;
            }

            var buckets = new long[BucketCount];
            for (var i = 0; i < _filled.Length; i++)
            {
                buckets[_filled[i]] = _counts![i];
            }

            return buckets;
        }

        internal set
        {
            if (value is null)
            {
                (_filled, _counts) = (null, null);
                return;
            }

            var filled = new List<byte>();
            var counts = new List<long>();
            for (var b = 0; b < value.Length; b++)
            {
                if (value[b] != 0)
                {
                    filled.Add((byte)b);
                    counts.Add(value[b]);
                }
            }

            (_filled, _counts) = ([.. filled], [.. counts]);
        }
    }

    /// <summary>The durations recorded; set, like <see cref="Buckets"/>, only when the histogram is made.</summary>
    [Id(1)]
    public long Count
    {
        get => _count;
        internal set => _count = value;
    }

    [Id(2)]
    public double SumMinutes
    {
        get => _sumMinutes;
        internal set => _sumMinutes = value;
    }

    public double MeanMinutes => Count == 0 ? 0 : SumMinutes / Count;

    /// <summary>A copy of this histogram with one more duration; this one does not change.</summary>
    public DurationHistogram With(TimeSpan duration) => Copy().Record(duration);

    /// <summary>A copy that does not change when this histogram records.</summary>
    public DurationHistogram Copy() => new()
    {
        _filled = _filled,
        _counts = (long[]?)_counts?.Clone(),
        _count = _count,
        _sumMinutes = _sumMinutes,
    };

    /// <summary>
    /// One more duration, in place, for the histogram's owner only (never one handed out); the
    /// histogram recorded into is returned: <see cref="Empty"/>, shared, is never changed but
    /// gives a new one, so that units that never record hold no histogram of their own.
    /// </summary>
    internal DurationHistogram Record(TimeSpan duration)
    {
        if (ReferenceEquals(this, Empty))
        {
            return new DurationHistogram().Record(duration);
        }

        var minutes = Math.Max(0, duration.TotalMinutes);
        var bucket = (byte)BucketOf(minutes);
        var at = _filled is null ? ~0 : Array.BinarySearch(_filled, bucket);
        _count++;
        _sumMinutes += minutes;
        if (at >= 0)
        {
            _counts![at]++;
            return this;
        }

        at = ~at;
        var length = _filled?.Length ?? 0;
        var grownFilled = new byte[length + 1];
        var grownCounts = new long[length + 1];
        for (var i = 0; i < length; i++)
        {
            grownFilled[i < at ? i : i + 1] = _filled![i];
            grownCounts[i < at ? i : i + 1] = _counts![i];
        }

        grownFilled[at] = bucket;
        grownCounts[at] = 1;
        (_filled, _counts) = (grownFilled, grownCounts);
        return this;
    }

    public static DurationHistogram Sum(IEnumerable<DurationHistogram> histograms)
    {
        long[]? buckets = null;
        var (count, sumMinutes) = (0L, 0.0);
        foreach (var histogram in histograms)
        {
            if (histogram._filled is { } filled)
            {
                buckets ??= new long[BucketCount];
                for (var i = 0; i < filled.Length; i++)
                {
                    buckets[filled[i]] += histogram._counts![i];
                }
            }

            count += histogram.Count;
            sumMinutes += histogram.SumMinutes;
        }

        return new() { Buckets = buckets, Count = count, SumMinutes = sumMinutes };
    }

    /// <summary>The q-quantile (0..1) in minutes: the upper bound of the bucket it falls in.</summary>
    public double QuantileMinutes(double q)
    {
        if (_filled is null)
        {
            return 0;
        }

        // Empty buckets add nothing, so the first bucket reaching the rank is a filled one; a
        // rank of zero is reached by the first bucket of all.
        var rank = (long)Math.Ceiling(q * Count);
        if (rank <= 0)
        {
            return UpperBound(0);
        }

        long seen = 0;
        for (var i = 0; i < _filled.Length; i++)
        {
            seen += _counts![i];
            if (seen >= rank)
            {
                return UpperBound(_filled[i]);
            }
        }

        return UpperBound(BucketCount - 1);
    }

    private static int BucketOf(double minutes) =>
        minutes <= 1 ? 0 : Math.Min(BucketCount - 1, (int)Math.Ceiling(Math.Log2(minutes) * BucketsPerDoubling));

    private static double UpperBound(int bucket) => Math.Pow(2, (double)bucket / BucketsPerDoubling);
}
