using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Benchmarks;
using Orleans.Governance.Benchmarks.Http;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Grains;
using Orleans.Governance.Silo.Hosting;
using Spectre.Console;

// `http [rounds] [seconds] [rates]`: intake over the HTTP API of a silo host in its own process, the Orleans client beside it.
if (args.Length > 0 && args[0] == "http")
{
    return await HttpBenchmark.RunAsync(args[1..]);
}

// One embedded silo; baseline and lifecycle rounds alternate so that both see the same machine.
// Then, given a PostgreSQL connection string, the durable silos, after the embedded one has stopped.
var rounds = args.Length > 0 ? int.Parse(args[0]) : 3;
var seconds = args.Length > 1 ? double.Parse(args[1]) : 5;
var openCases = args.Length > 2 ? int.Parse(args[2]) : 100_000;
var postgres = args.Length > 3 ? args[3] : null;
const int Concurrency = 1_000;
// Each durable step waits for a commit: more lifecycles in flight keep the batches full (measured: 2,000 beat 1,000 by a fifth).
const int DurableConcurrency = 2_000;

// A third of Dezhou (4,000 grids): enough units that no grid is a hot spot, small enough to load into PostgreSQL in seconds.
var city = Benchmark.WithRoomyMediators(CityGenerator.Generate(new CityShape { Id = "bench", Name = "基准市", Counties = 4, Townships = 45, Villages = 800, Grids = 4_000 }));
var plan = CityPlan.From(city, city.Id);
var gridUnits = plan.Units.Where(u => u.Level == Level.Grid).ToArray();

var counter = new CallCounter();
var host = await Benchmark.StartSiloAsync(silo => silo
    .UseLocalhostClustering()
    .AddGovernanceMemoryStorage()
    .AddIncomingGrainCallFilter(counter));
var grains = host.Services.GetRequiredService<IGrainFactory>();
await grains.GetGrain<ICityGrain>(city.Id).LoadAsync(city);
AnsiConsole.MarkupLine($"Loaded {plan.Units.Count:N0} units of {city.Name}; {Environment.ProcessorCount} cores, Server GC {System.Runtime.GCSettings.IsServerGC}.");

// Phase 1, the embedded silo alone in the process: with the durable silos beside it (sharing the
// GC heap, the thread pool and the cores) its lifecycles ran a quarter slower, its pings a tenth.
var bench = new Benchmark(grains, gridUnits, counter);
var ping = new List<double>();
var lifecycles = new List<(double PerSecond, double CallsPer)>();
// A round-long warm-up of each workload first: tiered compilation and first activations would otherwise land in round 1.
var round = TimeSpan.FromSeconds(seconds);
await bench.PingAsync(round, Concurrency);
await bench.LifecyclesAsync(round, Concurrency);
for (var i = 1; i <= rounds; i++)
{
    ping.Add(await bench.PingAsync(round, Concurrency));
    lifecycles.Add(await bench.LifecyclesAsync(round, Concurrency));
    AnsiConsole.MarkupLine($"round {i}/{rounds}: ping {ping[^1]:N0} calls/s, lifecycles {lifecycles[^1].PerSecond:N0}/s at {lifecycles[^1].CallsPer:F1} calls each");
}

var memory = await bench.OpenCasesAsync(openCases);
await host.StopAsync();
host.Dispose();

// Phase 2, the durable silos on PostgreSQL, each a cluster of its own: our group-commit store,
// and Orleans' ADO.NET provider beside it as the baseline it replaces, alternating round by round.
List<DurableSilo> durables = postgres is null ? [] :
[
    await DurableSilo.StartAsync(GrainStateStore.GroupCommit, postgres, 11112, city, gridUnits),
    await DurableSilo.StartAsync(GrainStateStore.AdoNet, postgres, 11113, city, gridUnits),
];

// Two rounds of warm-up: each of the 4,850 units inserts its deadline reminder with its first
// case, once in its life, and those inserts (and the JIT) still held round 1 back by a fifth.
foreach (var durable in durables)
{
    await durable.Bench.LifecyclesAsync(2 * round, DurableConcurrency);
}

for (var i = 1; i <= rounds && durables.Count > 0; i++)
{
    foreach (var durable in durables)
    {
        durable.Rounds.Add((await durable.Bench.LifecyclesAsync(round, DurableConcurrency)).PerSecond);
    }

    AnsiConsole.MarkupLine($"durable round {i}/{rounds}: " + string.Join(", ", durables.Select(d => $"{d.Store} {d.Rounds[^1]:N0} lifecycles/s")));
}

var pingMedian = Benchmark.Median(ping);
var lifecycleMedian = Benchmark.Median(lifecycles.Select(l => l.PerSecond).ToList());
var callsPer = Benchmark.Median(lifecycles.Select(l => l.CallsPer).ToList());
var ceiling = pingMedian / callsPer;

var table = new Table().AddColumns("measure", "median", "note");
table.AddRow("(a) ping baseline", $"{pingMedian:N0} calls/s", $"{Concurrency:N0} concurrent callers, {rounds} rounds of {seconds} s");
table.AddRow("(b) lifecycles", $"{lifecycleMedian:N0} lifecycles/s", "grid fails → whistle → village resolves → close → follow-up");
table.AddRow("    grain calls per lifecycle", $"{callsPer:F1}", "every grain call the silo received (embedded storage writes are not grain calls)");
table.AddRow("    lifecycle grain calls/s", $"{lifecycleMedian * callsPer:N0} calls/s", "");
table.AddRow("    ratio to ping ÷ calls per lifecycle", $"{lifecycleMedian / ceiling:P0}", "target ≥ 60 %");
table.AddRow("(c) memory per open case", $"{memory.BytesPerCase / 1024:F2} KB", $"{openCases:N0} cases open at once (GC heap after full collection); target ≤ 4 KB");
table.AddRow("    process memory per open case", $"{memory.WorkingSetPerCase / 1024:F2} KB", "working set delta");
foreach (var durable in durables)
{
    var median = Benchmark.Median(durable.Rounds);
    var note = durable.Store == GrainStateStore.GroupCommit
        ? $"{DurableConcurrency:N0} concurrent; {median / lifecycleMedian:P0} of (b) (target ≥ 25 %); {durable.WritesPerCommit:F0} grain writes per commit"
        : $"{DurableConcurrency:N0} concurrent; {median / lifecycleMedian:P0} of (b); Orleans' provider, one statement per write";
    table.AddRow($"(d) durable lifecycles, {durable.Store}", $"{median:N0} lifecycles/s", note);
}

var chart = Path.GetFullPath("core-benchmark.svg");
List<ResultChart.Measure> measures =
[
    new("ping ÷ calls per lifecycle", ping.Select(p => p / callsPer).ToList()),
    new("lifecycles, embedded", lifecycles.Select(l => l.PerSecond).ToList(), 0.6 * ceiling, "60 % of ping ÷ calls"),
];
foreach (var durable in durables)
{
    measures.Add(durable.Store == GrainStateStore.GroupCommit
        ? new("PostgreSQL, group commit", durable.Rounds, 0.25 * lifecycleMedian, "25 % of embedded")
        : new("PostgreSQL, ADO.NET provider", durable.Rounds));
}

ResultChart.Save(chart, measures);
AnsiConsole.Write(table);
AnsiConsole.MarkupLine($"Chart: {chart}");
foreach (var durable in durables)
{
    await durable.DisposeAsync();
}

return 0;
