using System.Diagnostics;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Engine;
using Orleans.Governance.Simulation.Parties;
using Orleans.Governance.Simulation.Scenarios;

namespace Orleans.Governance.Simulation.Load;

/// <summary>
/// Drives a running cluster in real time: registers disputes across the city's grids with a
/// bounded number of calls in flight and keeps them open, then optionally works off a share of
/// each grid's queue as its grid workers would (sign, mediate, resolve, close). A call that fails
/// because a silo or the connection is gone is retried (<see cref="TransientRetry"/>).
/// </summary>
public sealed class LoadDriver(IGrainFactory grains, CityPlan city, LoadSettings settings, ILoadProgress? progress = null)
{
    private const int CompletionWindow = 32;
    private static readonly TimeSpan s_assignmentWait = TimeSpan.FromMilliseconds(10);
    private static readonly CaseType[] s_types = [CaseType.Neighbour, CaseType.Labour, CaseType.MarriageFamily, CaseType.PropertyManagement, CaseType.HousingHomestead, CaseType.ElderSupport];

    private readonly LatencyRecorder _latencies = new();
    private readonly Stopwatch _clock = new();
    private long _registered;
    private long _completed;
    private long _retries;
    private long _refused;

    public async Task<LoadResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var grids = city.Units.Where(u => u.Level == Level.Grid).ToArray();
        if (grids.Length == 0)
        {
            throw new InvalidOperationException($"City {city.Id} has no grids to register disputes at.");
        }

        var intakes = CreateIntakes(grids);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.Duration);
        _clock.Start();
        var stopped = !await RegisterAllAsync(intakes, deadline.Token);
        var registrationSeconds = _clock.Elapsed.TotalSeconds;
        if (!stopped && settings.Complete > 0)
        {
            stopped = !await CompleteAsync(grids, intakes, deadline.Token);
        }

        var totalSeconds = _clock.Elapsed.TotalSeconds;
        var figures = await CallAsync("figures", () => grains.GetGrain<ICityGrain>(city.Id).GetFiguresAsync(), cancellationToken);
        var open = figures.OpenByStatus.Where(pair => pair.Value > 0).ToDictionary();
        return new LoadResult(_registered, _completed, _latencies.Count, _retries, _refused, registrationSeconds, totalSeconds, stopped, _latencies.Summarise(), open);
    }

    /// <summary>The case ids and intakes, made before the clock starts; parties from Bogus (zh_CN), kept in the grains only.</summary>
    private (string CaseId, CaseIntake Intake)[] CreateIntakes(UnitProfile[] grids)
    {
        var scenario = new Scenario
        {
            Name = "load",
            City = city,
            Arrivals = new Dictionary<CaseType, double[]>(),
            Handling = new DurationSpec?[LevelNames.All.Count],
            Resolution = new double?[LevelNames.All.Count],
        };
        var factory = new IntakeFactory(scenario, city.Units.ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal));
        var intakes = new (string, CaseIntake)[settings.Open];
        for (var i = 0; i < intakes.Length; i++)
        {
            var id = $"{settings.RunId}-{i + 1:D7}";
            var random = RandomStream.For(settings.Seed, id);
            intakes[i] = (id, factory.Create(grids[i % grids.Length], s_types[random.NextInt(s_types.Length)], random));
        }

        return intakes;
    }

    private async Task<bool> RegisterAllAsync((string CaseId, CaseIntake Intake)[] intakes, CancellationToken deadline)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = deadline };
        try
        {
            await Parallel.ForEachAsync(intakes, options, async (item, token) =>
            {
                var receipt = await CallAsync("register", () => grains.GetCase(item.CaseId).RegisterAsync(item.Intake, item.Intake.Unit.Id), token);
                Count(receipt);
                var done = Interlocked.Increment(ref _registered);
                progress?.Report("register", done, intakes.Length, _latencies.Count);
            });
            return true;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Works off the grids' queues: each grid's worker takes whatever its unit assigned next. The
    /// unit assigns a queued case with a one-way message when a mediator is freed, so the next case
    /// is found among the first cases of the grid (in registration order) that carry a mediator.
    /// </summary>
    private async Task<bool> CompleteAsync(UnitProfile[] grids, (string CaseId, CaseIntake Intake)[] intakes, CancellationToken deadline)
    {
        var byGrid = intakes.Take((int)_registered).GroupBy(i => i.Intake.Unit.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(i => i.CaseId).ToList(), StringComparer.Ordinal);
        var target = byGrid.Values.Sum(ids => (long)Math.Ceiling(ids.Count * settings.Complete));
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Concurrency / 8), CancellationToken = deadline };
        try
        {
            await Parallel.ForEachAsync(grids.Where(g => byGrid.ContainsKey(g.Id)), options, async (grid, token) =>
            {
                var pending = byGrid[grid.Id];
                var quota = (int)Math.Ceiling(pending.Count * settings.Complete);
                while (quota > 0)
                {
                    var window = pending.Take(CompletionWindow).ToArray();
                    var files = await Task.WhenAll(window.Select(id => CallAsync("get", () => grains.GetCase(id).GetAsync(), token)));
                    var assigned = files.Where(f => f.MediatorId is not null && f.Status is CaseStatus.Assigned or CaseStatus.Accepted or CaseStatus.InMediation).Take(quota).ToArray();
                    if (assigned.Length == 0)
                    {
                        await Task.Delay(s_assignmentWait, token);
                        continue;
                    }

                    await Task.WhenAll(assigned.Select(f => WorkOffAsync(f, token)));
                    foreach (var file in assigned)
                    {
                        pending.Remove(file.CaseId);
                    }

                    quota -= assigned.Length;
                    var completed = Interlocked.Add(ref _completed, assigned.Length);
                    progress?.Report("complete", completed, target, _latencies.Count);
                }
            });
            return true;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task WorkOffAsync(CaseFile file, CancellationToken token)
    {
        var mediator = file.MediatorId!;
        var grain = grains.GetCase(file.CaseId);
        if (file.Status == CaseStatus.Assigned)
        {
            Count(await CallAsync("execute", () => grain.ExecuteAsync(new AcceptCase(mediator)), token));
        }

        if (file.Status is CaseStatus.Assigned or CaseStatus.Accepted)
        {
            Count(await CallAsync("execute", () => grain.ExecuteAsync(new HoldSession(mediator, [])), token));
        }

        Count(await CallAsync("execute", () => grain.ExecuteAsync(new ResolveCase(mediator)), token));
        Count(await CallAsync("execute", () => grain.ExecuteAsync(new CloseCase(mediator)), token));
    }

    private void Count(CaseReceipt receipt)
    {
        if (!receipt.Accepted)
        {
            Interlocked.Increment(ref _refused);
        }
    }

    /// <summary>One grain call, timed; retried with the same arguments while the cluster is unreachable.</summary>
    private Task<T> CallAsync<T>(string kind, Func<Task<T>> call, CancellationToken token) =>
        TransientRetry.UntilCancelled.RunAsync(
            async () =>
            {
                var started = Stopwatch.GetTimestamp();
                var result = await call();
                _latencies.Record(kind, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return result;
            },
            _ => Interlocked.Increment(ref _retries),
            token);
}
