using Orleans.Governance.Simulation.Hosts;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Output;
using Orleans.Governance.Simulation.Tests.Support;
using Orleans.Governance.Tests.Shared;

namespace Orleans.Governance.Simulation.Tests;

/// <summary>
/// Golden runs: every shipped scenario (simulation/scenarios/*.yaml, simulation/benchmarks/network-*.yaml)
/// run as <c>gov-sim run SCENARIO --json FILE</c> runs it (on the kernel host, and a few on the
/// production grains too), its JSON compared byte for byte with the
/// file recorded under Golden/, so that a refactoring of the figures or of the simulation host can
/// be shown to change nothing. A scenario whose whole run is slow has a reduced variant under
/// Golden/ (<c>NAME.yaml</c>: its base and a shorter horizon or fewer replications, see
/// <see cref="GoldenScenario"/>) that runs by default; its whole run is a slow case.
/// <para>
/// The code path is the CLI's (Cli/RunCommand.cs): <c>ScenarioReader.LoadFile</c>, then
/// <c>Simulator.RunAsync</c>, then <c>JsonReport.Write</c> to a file whose bytes are compared. The one
/// difference is the progress sink (the CLI's ConsoleProgress only prints; here none). The JSON holds
/// nothing time- or machine-dependent (no wall time, event-loop seconds or date of the run: those
/// are only printed), so it needs no filtering.
/// </para>
/// <para>
/// Regenerate after an intended change: <c>UPDATE_GOLDEN=1 dotnet test tests/Orleans.Governance.Simulation.Tests --filter FullyQualifiedName~GoldenRunTests</c>
/// rewrites the golden files of the cases that run (add <c>GOLDEN_SLOW=1</c> for the slow ones), then
/// review the diff and commit it. Slow cases (whole runs over ~20 s) carry the trait
/// <c>Category=Slow</c> and are skipped unless <c>GOLDEN_SLOW=1</c>:
/// <c>GOLDEN_SLOW=1 dotnet test tests/Orleans.Governance.Simulation.Tests --filter "FullyQualifiedName~GoldenRunTests&amp;Category=Slow"</c>.
/// </para>
/// </summary>
[Trait("Category", "Golden")]
public sealed class GoldenRunTests
{
    public const string UpdateVariable = "UPDATE_GOLDEN";

    public const string SlowVariable = "GOLDEN_SLOW";

    private const string GoldenFolder = "tests/Orleans.Governance.Simulation.Tests/Golden";

    /// <summary>Golden name → scenario (from the repository's root). A name under Golden/ is a reduced variant.</summary>
    private static readonly Dictionary<string, string> s_scenarios = new(StringComparer.Ordinal)
    {
        // Whole shipped scenarios that run in seconds.
        ["sample"] = "simulation/scenarios/sample.yaml",
        ["sample-township6"] = "simulation/scenarios/sample-township6.yaml",

        // Reduced variants, run by default.
        ["mmc-150d"] = $"{GoldenFolder}/mmc-150d.yaml",
        ["mmc-4-150d"] = $"{GoldenFolder}/mmc-4-150d.yaml",
        ["surges-1r50d"] = $"{GoldenFolder}/surges-1r50d.yaml",
        ["dezhou-3d"] = $"{GoldenFolder}/dezhou-3d.yaml",
        ["network-1x-3d"] = $"{GoldenFolder}/network-1x-3d.yaml",
        ["network-10x-1d"] = $"{GoldenFolder}/network-10x-1d.yaml",

        // Whole shipped scenarios over ~20 s: slow cases.
        ["mmc"] = "simulation/scenarios/mmc.yaml",
        ["mmc-4"] = "simulation/scenarios/mmc-4.yaml",
        ["surges"] = "simulation/scenarios/surges.yaml",
        ["dezhou"] = "simulation/scenarios/dezhou.yaml",
        ["network-1x"] = "simulation/benchmarks/network-1x.yaml",

        // ~360,000 cases: ~4.5 min on a quiet 2-core machine (docs/simulator.md), 23-27 min and 3.7 GB on a loaded one.
        ["network-10x"] = "simulation/benchmarks/network-10x.yaml",
    };

    private static readonly string[] s_fast = ["sample", "sample-township6", "mmc-150d", "mmc-4-150d", "surges-1r50d", "dezhou-3d", "network-1x-3d", "network-10x-1d"];

    private static readonly string[] s_slow = ["mmc", "mmc-4", "surges", "dezhou", "network-1x", "network-10x"];

    /// <summary>The corpus the production grains run too (the rest is the kernel host's alone: same bytes, proven on these).</summary>
    private static readonly string[] s_onTheGrains = ["sample", "mmc-150d", "network-1x-3d"];

    public static TheoryData<string, HostKind> Fast => Cases(s_fast.Select(name => (name, HostKind.Kernel)).Concat(s_onTheGrains.Select(name => (name, HostKind.Grains))));

    public static TheoryData<string, HostKind> Slow => Cases(s_slow.Select(name => (name, HostKind.Kernel)));

    [Theory]
    [MemberData(nameof(Fast))]
    public Task The_run_writes_the_golden_json(string name, HostKind host) => RunAsync(name, host);

    [SlowGoldenTheory]
    [MemberData(nameof(Slow))]
    [Trait("Category", "Slow")]
    public Task The_slow_run_writes_the_golden_json(string name, HostKind host) => RunAsync(name, host);

    [Fact]
    public void Every_shipped_scenario_and_every_golden_file_has_a_case()
    {
        var root = RepositoryRoot.Path;
        var shipped = Directory.GetFiles(Path.Combine(root, "simulation", "scenarios"), "*.yaml")
            .Concat(Directory.GetFiles(Path.Combine(root, "simulation", "benchmarks"), "network-*.yaml"))
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var covered = s_scenarios.Values
            .Select(p => Path.Combine(root, p))
            .Select(p => GoldenScenario.IsVariant(p) ? GoldenScenario.BaseOf(p) : p)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .ToHashSet(StringComparer.Ordinal);
        Assert.All(shipped, p => Assert.True(covered.Contains(p), $"{p} has no golden case"));
        Assert.Equal(s_scenarios.Keys.Order(StringComparer.Ordinal), s_fast.Concat(s_slow).Order(StringComparer.Ordinal));
        var files = Directory.GetFiles(Path.Combine(root, GoldenFolder))
            .Select(Path.GetFileName)
            .Where(f => f is not null && !f.StartsWith('.'))
            .Select(f => f!)
            .Order(StringComparer.Ordinal);
        var expected = s_scenarios
            .SelectMany(p => p.Value.StartsWith(GoldenFolder + "/", StringComparison.Ordinal) ? new[] { $"{p.Key}.json", $"{p.Key}.yaml" } : [$"{p.Key}.json"])
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, files);
    }

    private static TheoryData<string, HostKind> Cases(IEnumerable<(string Name, HostKind Host)> cases)
    {
        var data = new TheoryData<string, HostKind>();
        foreach (var (name, host) in cases)
        {
            data.Add(name, host);
        }

        return data;
    }

    private static async Task RunAsync(string name, HostKind host)
    {
        var golden = Path.Combine(RepositoryRoot.Path, GoldenFolder, $"{name}.json");
        var scenario = GoldenScenario.Load(Path.Combine(RepositoryRoot.Path, s_scenarios[name]));
        var result = await Simulator.RunAsync(scenario, host);
        var written = Path.Combine(Directory.CreateTempSubdirectory("gov-golden-").FullName, $"{name}.json");
        JsonReport.Write(result, written);
        var actual = await File.ReadAllBytesAsync(written);
        Directory.Delete(Path.GetDirectoryName(written)!, recursive: true);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllBytesAsync(golden, actual);
            return;
        }

        var regenerate = $"If the change is intended, regenerate: {UpdateVariable}=1 dotnet test tests/Orleans.Governance.Simulation.Tests --filter \"FullyQualifiedName~GoldenRunTests\""
            + (s_slow.Contains(name) ? $" with {SlowVariable}=1" : "") + ", then review the diff and commit it.";
        Assert.True(File.Exists(golden), $"No golden file {golden}. {regenerate}");
        var expected = await File.ReadAllBytesAsync(golden);
        if (!expected.AsSpan().SequenceEqual(actual))
        {
            var difference = JsonDifference.Describe(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(actual))
                ?? $"the same text but not the same bytes ({expected.Length} golden, {actual.Length} written)";
            Assert.Fail($"{name} on the {host} host: the JSON differs from Golden/{name}.json: {difference}\n{regenerate}");
        }
    }
}

/// <summary>A theory that runs only when <c>GOLDEN_SLOW=1</c>: a golden whole run over ~20 s, kept out of the default <c>dotnet test</c>.</summary>
public sealed class SlowGoldenTheoryAttribute : TheoryAttribute
{
    public SlowGoldenTheoryAttribute()
    {
        if (Environment.GetEnvironmentVariable(GoldenRunTests.SlowVariable) != "1")
        {
            Skip = $"a slow golden run: set {GoldenRunTests.SlowVariable}=1 to run it";
        }
    }
}
