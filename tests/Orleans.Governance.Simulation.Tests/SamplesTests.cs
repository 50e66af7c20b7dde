using FsCheck;
using FsCheck.Fluent;
using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Tests;

/// <summary>The chunked samples a replication's per-case figures go into read back as the list they replaced, across chunk boundaries.</summary>
public sealed class SamplesTests
{
    [Fact]
    public void Samples_read_back_in_order_and_give_the_statistics_of_the_same_values_in_a_list()
    {
        // Lengths around the first chunk's growth and the 8,192-value chunks, up to three chunks.
        var lengths = Gen.OneOf(Gen.Choose(0, 200), Gen.Choose(8_150, 8_250), Gen.Choose(16_000, 25_000));
        var values = lengths.SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 1_000_000).Select(v => v / 997.0), n));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), Prop.ForAll(values.ToArbitrary(), array =>
        {
            var samples = new Samples();
            foreach (var value in array)
            {
                samples.Add(value);
            }

            var list = new List<double>(array);
            Assert.Equal(list.Count, samples.Count);
            Assert.Equal(list, samples);
            Assert.Equal(list, Enumerable.Range(0, samples.Count).Select(i => samples[i]));
            Assert.Equal(Quantiles.Mean(list), Quantiles.Mean(samples));
            Assert.Equal(Quantiles.Of(list, 0.5, 0.95), Quantiles.Of(samples, 0.5, 0.95));
        }));
    }

    [Fact]
    public void An_index_past_the_samples_is_refused()
    {
        var samples = new Samples();
        samples.Add(1.5);

        Assert.Equal(1.5, samples[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => samples[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => samples[-1]);
    }
}
