using Orleans.Governance.Simulation.Checks;
using Orleans.Governance.Simulation.Hosts;

namespace Orleans.Governance.Simulation.Tests.Properties;

/// <summary>Each whole-run property fails on its planted bug, with a shrunk counterexample that names the offending figures.</summary>
public sealed class PlantedBugTests
{
    public static TheoryData<string, string, string> Plants => new()
    {
        { "conservation", nameof(PlantedBugs.UncountedAgreement), "≠ resolved" },
        { "acknowledged-set", nameof(PlantedBugs.DroppedCase), "lost (1 of" },
        { "single-desk", nameof(PlantedBugs.KeptAfterTransfer), "the desk holds" },
        { "roll-up", nameof(PlantedBugs.DoubleCountingRollUp), "roll-up vs own + units below: admitted" },
        { "littles-law", nameof(PlantedBugs.ShortenedStays), "but λW" },
        { "same-seed-same-json", nameof(PlantedBugs.WallClockInJson), "the JSON differs from line" },
    };

    [Theory]
    [MemberData(nameof(Plants))]
    public void A_planted_bug_is_caught_and_shrunk_to_a_counterexample(string property, string plant, string violation)
    {
        var checker = new RunChecker(CheckedCity.Scenario, HostKind.Kernel, Tamper(plant));
        var check = new ScenarioCheck(checker, VariationGenerator.Around(CheckedCity.Scenario, CheckedCity.MaxHorizonDays));

        var outcome = check.Check(RunProperties.All.Single(p => p.Name == property), maxTests: 20, seed: 20261123);

        Assert.False(outcome.Passed, $"{property} did not catch {plant} in {outcome.Tests} tests");
        Assert.Contains(violation, outcome.Violation, StringComparison.Ordinal);
        Assert.True(outcome.Shrunk!.HorizonDays <= outcome.Original!.HorizonDays, $"shrunk {outcome.Shrunk} is not smaller than {outcome.Original}");
    }

    private static Func<RunObservation, RunObservation> Tamper(string plant) => plant switch
    {
        nameof(PlantedBugs.UncountedAgreement) => PlantedBugs.UncountedAgreement,
        nameof(PlantedBugs.DroppedCase) => PlantedBugs.DroppedCase,
        nameof(PlantedBugs.KeptAfterTransfer) => PlantedBugs.KeptAfterTransfer,
        nameof(PlantedBugs.DoubleCountingRollUp) => PlantedBugs.DoubleCountingRollUp,
        nameof(PlantedBugs.ShortenedStays) => PlantedBugs.ShortenedStays,
        _ => PlantedBugs.WallClockInJson(),
    };
}
