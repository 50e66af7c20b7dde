using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Grains;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Tests.Shared;

namespace Orleans.Governance.Benchmarks;

/// <summary>The three measurements of the core benchmark.</summary>
public sealed class Benchmark(IGrainFactory grains, UnitProfile[] grids, CallCounter counter)
{
    private long _nextCase;

    /// <summary>Lets every mediator hold as many cases as a city file allows, so that the lifecycle rate measures the grains, not the queues.</summary>
    public static CityDefinition WithRoomyMediators(CityDefinition city) => city with
    {
        Units = city.Units.Select(u => u with { Mediators = u.Mediators.Select(t => t with { ConcurrentCases = CityPlan.MaxConcurrentCases }).ToList() }).ToList(),
    };

    public static async Task<IHost> StartSiloAsync(Action<ISiloBuilder> configure)
    {
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleans(silo => configure(silo.AddGovernance()))
            .Build();
        await host.StartAsync();
        return host;
    }

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public async Task<double> PingAsync(TimeSpan duration, int concurrency)
    {
        var calls = await RunAsync(duration, concurrency, async worker =>
        {
            await grains.GetGrain<IPingGrain>(Random.Shared.Next(10_000)).PingAsync();
        });
        return calls.PerSecond;
    }

    public async Task<(double PerSecond, double CallsPer)> LifecyclesAsync(TimeSpan duration, int concurrency)
    {
        var before = counter.Calls;
        var result = await RunAsync(duration, concurrency, LifecycleAsync);
        return (result.PerSecond, (double)(counter.Calls - before) / result.Count);
    }

    /// <summary>Registers cases and leaves them open; returns the managed heap and working set per case.</summary>
    public async Task<(double BytesPerCase, double WorkingSetPerCase)> OpenCasesAsync(int count)
    {
        // Ids are made again from their number, so the harness holds nothing per case while measuring.
        var first = Interlocked.Add(ref _nextCase, count) - count + 1;
        var (heapBefore, setBefore) = Measure();
        for (var start = 0; start < count; start += 1_000)
        {
            await Task.WhenAll(Enumerable.Range(start, Math.Min(1_000, count - start))
                .Select(i => $"open-{first + i}")
                .Select(id => grains.GetGrain<ICaseGrain>(id).RegisterAsync(Intake(id, personal: true), "bench")));
        }

        var (heapAfter, setAfter) = Measure();
        var sample = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => grains.GetGrain<ICaseGrain>($"open-{first + i * (count / 100)}").GetAsync()));
        if (sample.Any(f => f.Status != CaseStatus.Assigned))
        {
            throw new InvalidOperationException("Open cases were expected to stay assigned.");
        }

        return ((double)(heapAfter - heapBefore) / count, (double)(setAfter - setBefore) / count);
    }

    private static (long Heap, long WorkingSet) Measure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }

    /// <summary>The standard escalation lifecycle: the grid worker fails and blows the whistle; the village resolves, closes and follows up.</summary>
    private async Task LifecycleAsync(int worker)
    {
        var id = $"bench-{Interlocked.Increment(ref _nextCase)}";
        var lifecycle = new LifecycleDriver(grains.GetCase(id));
        await lifecycle.EscalateToVillageAndCloseAsync(await lifecycle.RegisterAsync(Intake(id), "bench"));
    }

    /// <summary>A dispute at a grid; with <paramref name="personal"/> its party has data of its own, as real cases do.</summary>
    private CaseIntake Intake(string id, bool personal = false)
    {
        var n = (uint)id.GetHashCode();
        var grid = grids[(int)(n % (uint)grids.Length)];
        var party = personal
            ? new CaseParty($"张{n % 1000:D3}", $"138{n % 100_000_000:D8}", $"3714021980{n % 100_000_000:D8}")
            : new CaseParty("张三", "13800000000", "371402198001011234");
        return new CaseIntake(grid.Ref, IntakeChannel.GridPatrol, CaseType.Neighbour, "邻里纠纷", [party]);
    }

    private static async Task<(long Count, double PerSecond)> RunAsync(TimeSpan duration, int concurrency, Func<int, Task> operation)
    {
        long count = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            await Task.Yield();
            while (stopwatch.Elapsed < duration)
            {
                await operation(worker);
                Interlocked.Increment(ref count);
            }
        }));
        return (count, count / stopwatch.Elapsed.TotalSeconds);
    }
}
