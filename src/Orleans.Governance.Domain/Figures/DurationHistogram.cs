namespace Orleans.Governance.Domain.Figures;

/// <summary>
/// Durations in log-spaced buckets (four per doubling, from one minute to about two years), so
/// that quantiles can be merged up the hierarchy: summing two histograms is exact, and a
/// quantile read from one is within the bucket width (±9 %). The mean is exact. The buckets are
/// allocated on the first duration, as most of a city's units record none for a long time.
/// </summary>
[GenerateSerializer, Alias("gov.duration-histogram")]
public sealed class DurationHistogram
{
    private const int BucketsPerDoubling = 4;
    private const int BucketCount = 80;

    [Id(0)] public long[]? Buckets { get; set; }

    [Id(1)] public long Count { get; set; }

    [Id(2)] public double SumMinutes { get; set; }

    public double MeanMinutes => Count == 0 ? 0 : SumMinutes / Count;

    public void Add(TimeSpan duration)
    {
        var minutes = Math.Max(0, duration.TotalMinutes);
        (Buckets ??= new long[BucketCount])[BucketOf(minutes)]++;
        Count++;
        SumMinutes += minutes;
    }

    public void Merge(DurationHistogram other)
    {
        if (other.Buckets is { } theirs)
        {
            var ours = Buckets ??= new long[BucketCount];
            for (var i = 0; i < BucketCount; i++)
            {
                ours[i] += theirs[i];
            }
        }

        Count += other.Count;
        SumMinutes += other.SumMinutes;
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

    public DurationHistogram Copy() => new() { Buckets = (long[]?)Buckets?.Clone(), Count = Count, SumMinutes = SumMinutes };

    private static int BucketOf(double minutes) =>
        minutes <= 1 ? 0 : Math.Min(BucketCount - 1, (int)Math.Ceiling(Math.Log2(minutes) * BucketsPerDoubling));

    private static double UpperBound(int bucket) => Math.Pow(2, (double)bucket / BucketsPerDoubling);
}
