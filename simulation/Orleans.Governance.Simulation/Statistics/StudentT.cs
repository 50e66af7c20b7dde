namespace Orleans.Governance.Simulation.Statistics;

/// <summary>Two-sided 95 % quantiles of Student's t, for confidence intervals over replications.</summary>
public static class StudentT
{
    private static readonly double[] s_table =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    public static double Quantile975(int degreesOfFreedom) => degreesOfFreedom switch
    {
        < 1 => double.NaN,
        <= 30 => s_table[degreesOfFreedom - 1],
        <= 60 => 2.042 - (degreesOfFreedom - 30) * (2.042 - 2.000) / 30,
        <= 120 => 2.000 - (degreesOfFreedom - 60) * (2.000 - 1.980) / 60,
        _ => 1.960,
    };
}
