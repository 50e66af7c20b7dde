namespace Orleans.Governance.Simulation.Engine;

/// <summary>
/// One entity's own random stream (xoshiro256**), seeded from the run's seed and the entity's id
/// through a stable hash, so that what an entity draws never depends on what others drew or on
/// the order threads ran in. Not thread-safe: an entity's events run one at a time.
/// </summary>
public sealed class RandomStream
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public RandomStream(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    /// <summary>The stream of <paramref name="entity"/> in the run seeded with <paramref name="seed"/>.</summary>
    public static RandomStream For(long seed, string entity) => new(StableHash(entity) ^ (ulong)seed * 0x9E3779B97F4A7C15UL);

    /// <summary>FNV-1a over the UTF-16 code units: unlike string.GetHashCode, the same in every process.</summary>
    public static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="max"/>).</summary>
    public int NextInt(int max) => (int)(NextDouble() * max);

    public int NextSeed() => (int)(NextUInt64() >> 33);

    public double Exponential(double mean) => -mean * Math.Log(1 - NextDouble());

    /// <summary>Standard normal by Box–Muller (one draw per call keeps the stream's use easy to follow).</summary>
    public double Normal() => Math.Sqrt(-2 * Math.Log(1 - NextDouble())) * Math.Cos(2 * Math.PI * NextDouble());

    /// <summary>An index drawn with probability proportional to <paramref name="weights"/>.</summary>
    public int Pick(IReadOnlyList<double> weights, double total)
    {
        var u = NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            u -= weights[i];
            if (u < 0)
            {
                return i;
            }
        }

        for (var i = weights.Count - 1; i >= 0; i--)
        {
            if (weights[i] > 0)
            {
                return i;
            }
        }

        return 0;
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
