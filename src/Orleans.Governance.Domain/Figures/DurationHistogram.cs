namespace Orleans.Governance.Domain.Figures;

/// <summary>
/// Durations in log-spaced buckets (four per doubling, from one minute to about two years), so
/// that quantiles can be merged up the hierarchy: summing two histograms is exact, and a
/// quantile read from one is within the bucket width (±9 %). The mean is exact. The buckets are
/// allocated on the first duration, as most of a city's units record none for a long time.
/// </summary>
[GenerateSerializer, Immutable, Alias("gov.duration-histogram")]
public sealed class DurationHistogram
{
    private const int BucketsPerDoubling = 4;
    private const int BucketCount = 80;

    /// <summary>No durations; shared, as every histogram may be.</summary>
    public static DurationHistogram Empty { get; } = new();

    /// <summary>Never changed once made: a histogram is shared by the unit's counters, its stored desk and its figures.</summary>
    [Id(0)] public long[]? Buckets { get; init; }

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
        var buckets = Buckets is null ? new long[BucketCount] : (long[])Buckets.Clone();
        buckets[BucketOf(minutes)]++;
        return new() { Buckets = buckets, Count = Count + 1, SumMinutes = SumMinutes + minutes };
    }

    public static DurationHistogram Sum(IEnumerable<DurationHistogram> histograms)
    {
        long[]? buckets = null;
        var (count, sumMinutes) = (0L, 0.0);
        foreach (var histogram in histograms)
        {
            if (histogram.Buckets is { } theirs)
            {
                buckets ??= new long[BucketCount];
                for (var i = 0; i < BucketCount; i++)
                {
                    buckets[i] += theirs[i];
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
        if (Buckets is not { } buckets)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(q * Count);
        long seen = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            seen += buckets[i];
            if (seen >= rank)
            {
                return UpperBound(i);
            }
        }

        return UpperBound(BucketCount - 1);
    }

    private static int BucketOf(double minutes) =>
        minutes <= 1 ? 0 : Math.Min(BucketCount - 1, (int)Math.Ceiling(Math.Log2(minutes) * BucketsPerDoubling));

    private static double UpperBound(int bucket) => Math.Pow(2, (double)bucket / BucketsPerDoubling);
}
