using Orleans.Governance.Simulation.Hosts;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Scenarios;
using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Planning;

/// <summary><c>compare A B</c>: both scenarios with the same seed and replications (common random numbers), figure by figure.</summary>
public sealed record Comparison(SimulationResult A, SimulationResult B, IReadOnlyList<PairedDifference> Differences)
{
    /// <summary>Runs <paramref name="a"/> and <paramref name="b"/> with A's seed (or <paramref name="seed"/>) and the same number of replications.</summary>
    public static async Task<Comparison> RunAsync(Scenario a, Scenario b, long? seed, int? replications, HostKind host = HostKind.Kernel, CancellationToken cancellationToken = default)
    {
        var runs = replications ?? Math.Max(a.Replications, b.Replications);
        var common = seed ?? a.Seed;
        var resultA = await Simulator.RunAsync(a with { Seed = common, Replications = runs }, host, cancellationToken: cancellationToken);
        var resultB = await Simulator.RunAsync(b with { Seed = common, Replications = runs }, host, cancellationToken: cancellationToken);
        return Of(resultA, resultB);
    }

    /// <summary>The paired differences of every figure both results have (at the levels both cities have), in the JSON's order.</summary>
    public static Comparison Of(SimulationResult a, SimulationResult b) =>
        new(a, b, [.. FigureTable.All(a.Figures.Levels.Keys.Intersect(b.Figures.Levels.Keys)).Select(figure => Difference(a, b, figure))]);

    /// <summary>The paired difference of one figure, e.g. <c>FigureTable.Total(t =&gt; t.CasesCreated)</c>.</summary>
    public PairedDifference Of(FigureDescriptor<Figures<Estimate>> figure) => Difference(A, B, figure);

    private static PairedDifference Difference(SimulationResult a, SimulationResult b, FigureDescriptor<Figures<Estimate>> figure) =>
        new(figure.Key, figure.Read(a.Figures).Values, figure.Read(b.Figures).Values);
}
