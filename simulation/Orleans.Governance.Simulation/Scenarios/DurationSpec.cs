using Orleans.Governance.Simulation.Engine;

namespace Orleans.Governance.Simulation.Scenarios;

/// <summary>A duration in days: exponential (mean), lognormal (mean and standard deviation) or fixed.</summary>
public sealed record DurationSpec(DurationKind Kind, double MeanDays, double SdDays = 0)
{
    public static readonly DurationSpec Zero = new(DurationKind.Fixed, 0);

    /// <summary>Draws a duration in ticks; rounded to whole ticks so that virtual times stay exact.</summary>
    public long SampleTicks(RandomStream random)
    {
        var days = Kind switch
        {
            DurationKind.Exponential => random.Exponential(MeanDays),
            DurationKind.LogNormal => LogNormal(random),
            _ => MeanDays,
        };
        return (long)Math.Round(days * TimeSpan.TicksPerDay);
    }

    private double LogNormal(RandomStream random)
    {
        // Parameters of the underlying normal from the mean and standard deviation of the lognormal itself.
        var sigma2 = Math.Log(1 + SdDays * SdDays / (MeanDays * MeanDays));
        var mu = Math.Log(MeanDays) - sigma2 / 2;
        return Math.Exp(mu + Math.Sqrt(sigma2) * random.Normal());
    }
}
