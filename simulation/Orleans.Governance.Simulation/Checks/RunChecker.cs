using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Hosts;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Output;
using Orleans.Governance.Simulation.Scenarios;
using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Checks;

/// <summary>
/// Runs variations of one scenario exactly as <c>run</c> would (replication 1 on a fresh host, so
/// the result depends on the variation alone and replays), then reads the units and cases before
/// the host stops. Runs are remembered by variation, so the properties, which FsCheck drives with the same
/// seed, share them.
/// </summary>
public sealed class RunChecker
{
    /// <summary>Cases (with their trails) kept in memory: a soak of the sample city shares every run between the properties; a big city re-runs instead.</summary>
    private const int RememberedCases = 250_000;

    private readonly Scenario _scenario;
    private readonly HostKind _host;
    private readonly Func<RunObservation, RunObservation> _tamper;
    private readonly Func<CityDefinition, CityDefinition>? _kernelOnlyCity;
    private readonly Dictionary<string, RunObservation> _runs = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private long _remembered;

    public RunChecker(Scenario scenario, HostKind host = HostKind.Kernel)
        : this(scenario, host, static observation => observation)
    {
    }

    /// <summary>
    /// Test-only seams: <paramref name="tamper"/> plants a bug in what the properties are shown;
    /// <paramref name="kernelOnlyCity"/> changes the city (its rules' parameters) on the kernel host alone.
    /// </summary>
    internal RunChecker(Scenario scenario, HostKind host, Func<RunObservation, RunObservation> tamper, Func<CityDefinition, CityDefinition>? kernelOnlyCity = null)
    {
        _scenario = scenario;
        _host = host;
        _tamper = tamper;
        _kernelOnlyCity = kernelOnlyCity;
    }

    /// <summary>The host the variations run on.</summary>
    public HostKind Host => _host;

    /// <summary>Distinct variations simulated.</summary>
    public int Runs => _seen.Count;

    /// <summary>Cases registered over the distinct variations.</summary>
    public long CasesSeen { get; private set; }

    /// <summary>Simulations run, repeats included (determinism replays, re-runs after the memory was full).</summary>
    public int Simulations { get; private set; }

    /// <summary>The observation of <paramref name="variation"/>; <paramref name="again"/> simulates it anew instead of remembering.</summary>
    public async Task<RunObservation> ObserveAsync(ScenarioVariation variation, bool again = false, CancellationToken cancellationToken = default)
    {
        var key = variation.ToString();
        if (!again && _runs.TryGetValue(key, out var known))
        {
            return known;
        }

        var observation = _tamper(await SimulateAsync(variation, _host, cancellationToken));
        if (_seen.Add(key))
        {
            CasesSeen += observation.Run.Cases.Count;
        }

        if (!again)
        {
            while (_order.Count > 0 && _remembered + observation.Cases.Count > RememberedCases)
            {
                if (_runs.Remove(_order.Dequeue(), out var forgotten))
                {
                    _remembered -= forgotten.Cases.Count;
                }
            }

            _runs[key] = observation;
            _order.Enqueue(key);
            _remembered += observation.Cases.Count;
        }

        return observation;
    }

    /// <summary>The observation of <paramref name="variation"/> on the other host than the checker's, simulated anew.</summary>
    public Task<RunObservation> ObserveOnOtherHostAsync(ScenarioVariation variation, CancellationToken cancellationToken = default) =>
        SimulateAsync(variation, _host == HostKind.Kernel ? HostKind.Grains : HostKind.Kernel, cancellationToken);

    private async Task<RunObservation> SimulateAsync(ScenarioVariation variation, HostKind kind, CancellationToken cancellationToken)
    {
        Simulations++;
        var scenario = variation.Apply(_scenario);
        if (kind == HostKind.Kernel && _kernelOnlyCity is { } plant)
        {
            scenario = scenario with { City = CityPlan.From(plant(scenario.City.Definition), scenario.Name) };
        }

        await using var host = await IGovernanceHost.StartAsync(kind, Simulator.ClockAtStart(scenario, 1), keepCases: true, cancellationToken);
        var run = await new ReplicationRun(scenario, 1, host, null, NullLogger.Instance) { KeepsCaseTracks = true }.RunAsync(cancellationToken);
        var json = JsonReport.Render(new SimulationResult(scenario, [run], RunResult.Summarise([run]), 0));

        // Replication 1 runs on the copy of the city whose unit ids are prefixed "r1-".
        var plan = scenario.City.WithIdPrefix("r1-");
        var own = await Task.WhenAll(plan.Units.Select(u => host.GetFiguresAsync(u.Ref)));
        var centres = plan.Units.Where(u => u.Level != Level.Grid).ToList();
        var rollups = await Task.WhenAll(centres.Select(u => host.GetSubtreeFiguresAsync(u.Ref)));
        var city = await host.GetSubtreeFiguresAsync(plan.Root.Ref);
        var ids = run.Cases.Select(c => c.Id).Distinct(StringComparer.Ordinal).ToList();
        var cases = await Task.WhenAll(ids.Select(host.GetCaseAsync));
        var desks = await Task.WhenAll(plan.Units.Select(async u => (IReadOnlyList<WorkItem>)[.. await host.GetWorklistAsync(u.Ref, Worklist.Queue), .. await host.GetWorklistAsync(u.Ref, Worklist.Assigned)]));
        return new RunObservation(
            kind,
            variation,
            scenario,
            plan,
            run,
            json,
            own.ToDictionary(f => f.UnitId, StringComparer.Ordinal),
            centres.Select((u, i) => (u.Id, Figures: rollups[i])).ToDictionary(p => p.Id, p => p.Figures, StringComparer.Ordinal),
            city,
            // The parties' personal data never leaves the case grain: a counterexample prints trails only.
            ids.Select((id, i) => (Id: id, File: cases[i].WithoutIntake())).ToDictionary(p => p.Id, p => p.File, StringComparer.Ordinal),
            plan.Units.Select((u, i) => (u.Id, Desk: desks[i])).ToDictionary(p => p.Id, p => p.Desk, StringComparer.Ordinal));
    }
}
