namespace Orleans.Governance.Domain.Figures;

/// <summary>
/// Durations in log-spaced buckets (four per doubling, from one minute to about two years), so
/// that quantiles can be merged up the hierarchy: summing two histograms is exact, and a
/// quantile read from one is within the bucket width (±9 %). The mean is exact. Only the buckets
/// that hold durations are kept (a unit's durations fill a dozen of the 80), so a new duration
/// copies those few; <see cref="Buckets"/> is all 80, as stored.
/// </summary>
[GenerateSerializer, Immutable, Alias("gov.duration-histogram")]
public sealed class DurationHistogram
{
    private const int BucketsPerDoubling = 4;
    private const int BucketCount = 80;

    // The buckets holding durations, ascending, and their counts; never changed once made, so
    // histograms share them. Null: no buckets at all, which reads differently from all-zero ones.
    [NonSerialized] private byte[]? _filled;
    [NonSerialized] private long[]? _counts;

    public DurationHistogram()
    {
    }

    private DurationHistogram(byte[] filled, long[] counts, long count, double sumMinutes)
    {
        _filled = filled;
        _counts = counts;
        Count = count;
        SumMinutes = sumMinutes;
    }

    /// <summary>No durations; shared, as every histogram may be.</summary>
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

    [Id(1)] public long Count { get; init; }

    [Id(2)] public double SumMinutes { get; init; }

    public double MeanMinutes => Count == 0 ? 0 : SumMinutes / Count;

    /// <summary>
    /// This histogram with one more duration. Copying here, a few times per case, is what lets the
    /// unit's desk be stored on every report without copying its histograms.
    /// </summary>
    public DurationHistogram With(TimeSpan duration)
    {
        var minutes = Math.Max(0, duration.TotalMinutes);
        var bucket = (byte)BucketOf(minutes);
        var at = _filled is null ? ~0 : Array.BinarySearch(_filled, bucket);
        if (at >= 0)
        {
            var counts = (long[])_counts!.Clone();
            counts[at]++;
            return new DurationHistogram(_filled!, counts, Count + 1, SumMinutes + minutes);
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
        return new DurationHistogram(grownFilled, grownCounts, Count + 1, SumMinutes + minutes);
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
