using FsCheck;
using FsCheck.Fluent;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Scenarios;

namespace Orleans.Governance.Simulation.Checks;

/// <summary>FsCheck generator and shrinker of <see cref="ScenarioVariation"/>s around a scenario.</summary>
public static class VariationGenerator
{
    /// <summary>Variations of <paramref name="scenario"/> of at most <paramref name="maxHorizonDays"/> days (and never longer than the scenario).</summary>
    public static Arbitrary<ScenarioVariation> Around(Scenario scenario, int maxHorizonDays)
    {
        var longest = Math.Max(1, (int)Math.Min(Math.Floor(scenario.HorizonDays), maxHorizonDays));
        var gen =
            from seed in Gen.Choose(1, int.MaxValue)
            from days in Gen.Choose(1, longest)
            from steps in Gen.Elements(-1, 0, 0, 1).ArrayOf(LevelNames.All.Count)
            from surge in Gen.Frequency((1, Gen.Constant<Surge?>(null)), (2, Surges(days)))
            select new ScenarioVariation(seed, days, steps, surge);
        return Arb.From(gen, Shrink);
    }

    /// <summary>Shorter horizons first (a run's prefix does not depend on its horizon), then fewer staffing steps, then no surge; the seed stays.</summary>
    public static IEnumerable<ScenarioVariation> Shrink(ScenarioVariation variation)
    {
        foreach (var days in new[] { variation.HorizonDays / 2, variation.HorizonDays - 1 }.Where(d => d >= 1 && d < variation.HorizonDays).Distinct())
        {
            yield return variation with { HorizonDays = days, Surge = Clip(variation.Surge, days) };
        }

        for (var level = 0; level < variation.StaffingSteps.Count; level++)
        {
            if (variation.StaffingSteps[level] != 0)
            {
                var steps = variation.StaffingSteps.ToArray();
                steps[level] = 0;
                yield return variation with { StaffingSteps = steps };
            }
        }

        if (variation.Surge is not null)
        {
            yield return variation with { Surge = null };
        }
    }

    private static Gen<Surge?> Surges(int days) =>
        from start in Gen.Choose(0, days - 1)
        from length in Gen.Choose(1, days)
        from multiplier in Gen.Elements(2.0, 3.0, 5.0)
        select (Surge?)new Surge(start, Math.Min(days, start + length), multiplier, Types: null, Units: null);

    private static Surge? Clip(Surge? surge, int days) =>
        surge is null || surge.FromDay >= days ? null : surge with { ToDay = Math.Min(surge.ToDay, days) };
}
