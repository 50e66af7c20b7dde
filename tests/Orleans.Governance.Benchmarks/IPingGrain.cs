namespace Orleans.Governance.Benchmarks;

/// <summary>The baseline: an empty grain call.</summary>
[Alias("bench.ping")]
public interface IPingGrain : IGrainWithIntegerKey
{
    [Alias("ping")]
    ValueTask PingAsync();
}
