using System.Globalization;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Scenarios;

namespace Orleans.Governance.Simulation.Checks;

/// <summary>
/// One random variation around a tester's scenario: another seed, a short horizon, every unit of a
/// level staffed one mediator more or less, and perhaps an extra arrival surge. Always one
/// replication and no warm-up, so that every case of the run counts in every figure.
/// </summary>
/// <param name="Seed">The run seed (the scenario's is replaced).</param>
/// <param name="HorizonDays">Days simulated (the scenario's horizon at most).</param>
/// <param name="StaffingSteps">Per level (indexed by <see cref="Level"/>): −1, 0 or +1 mediator in every unit of that level (never below one).</param>
/// <param name="Surge">An extra surge of all case types, or none.</param>
public sealed record ScenarioVariation(long Seed, int HorizonDays, IReadOnlyList<int> StaffingSteps, Surge? Surge)
{
    public Scenario Apply(Scenario scenario) => scenario with
    {
        Seed = Seed,
        Replications = 1,
        HorizonDays = HorizonDays,
        WarmUpDays = 0,
        City = CityPlan.From(scenario.City.Definition with { Units = [.. scenario.City.Definition.Units.Select(Step)] }, scenario.Name),
        Surges = Surge is { } surge ? [.. scenario.Surges, surge] : scenario.Surges,
    };

    /// <summary>The variation as the lines a tester reads in a counterexample.</summary>
    public override string ToString()
    {
        var steps = string.Join(", ", StaffingSteps.Select((step, level) => $"{LevelNames.Key((Level)level)} {step:+0;-0;0}"));
        var surge = Surge is { } s
            ? string.Create(CultureInfo.InvariantCulture, $"days {s.FromDay:0}–{s.ToDay:0} × {s.Multiplier:0.#} (all types)")
            : "none";
        return $"seed {Seed}, horizonDays {HorizonDays}, warmUpDays 0, staffing per unit {steps}, extra surge {surge}";
    }

    private UnitDefinition Step(UnitDefinition unit)
    {
        var step = StaffingSteps[(int)unit.Level];
        var people = unit.Mediators.Sum(t => t.Count);
        if (step == 0 || unit.Mediators.Count == 0 || people + step < 1)
        {
            return unit;
        }

        // The step goes to (or comes from) the largest team, so specialised teams keep their skills.
        var largest = unit.Mediators.Select((team, index) => (team.Count, index)).Max().index;
        return unit with { Mediators = [.. unit.Mediators.Select((team, index) => index == largest ? team with { Count = team.Count + step } : team)] };
    }
}
