using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Hosts;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Scenarios;

namespace Orleans.Governance.Simulation.Planning;

/// <summary>
/// <c>sweep</c>: the scenario once per staffing value, every centre of one level staffed with that
/// many generalist mediators (as <c>staffing.&lt;level&gt;</c> does), all with the same seed, so
/// neighbouring values see the same disputes (common random numbers).
/// </summary>
public static class StaffingSweep
{
    public static async Task<SweepResult> RunAsync(Scenario scenario, Level level, int from, int to, double target, HostKind host = HostKind.Kernel, Action<int>? starting = null, CancellationToken cancellationToken = default)
    {
        var centres = scenario.City.CountAt(level);
        if (centres == 0)
        {
            throw new ArgumentException($"--level: {LevelNames.Key(level)} — the scenario's city has no {LevelNames.Key(level)} units", nameof(level));
        }

        var points = new List<SweepPoint>();
        for (var staff = from; staff <= to; staff++)
        {
            starting?.Invoke(staff);
            var count = staff;
            var city = CityPlan.From(scenario.City.Definition.Restaffed(unit => unit.Level == level ? count : null), scenario.Name);
            var result = await Simulator.RunAsync(scenario with { City = city }, host, cancellationToken: cancellationToken);
            points.Add(new SweepPoint(staff, staff * centres, result));
        }

        return new SweepResult(level, centres, target, points);
    }
}
