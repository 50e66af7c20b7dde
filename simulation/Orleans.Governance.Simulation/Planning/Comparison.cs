using Orleans.Governance.Simulation.Hosts;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Scenarios;

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

    /// <summary>The paired differences of every figure both results have, in A's order.</summary>
    public static Comparison Of(SimulationResult a, SimulationResult b)
    {
        var byKey = b.Figures.ToDictionary(f => f.Key, StringComparer.Ordinal);
        var differences = a.Figures
            .Where(f => byKey.ContainsKey(f.Key))
            .Select(f => new PairedDifference(f.Key, f.Values, byKey[f.Key].Values))
            .ToList();
        return new Comparison(a, b, differences);
    }

    public PairedDifference this[string key] => Differences.FirstOrDefault(d => d.Key == key) ?? throw new KeyNotFoundException($"No figure '{key}' in both results.");
}
