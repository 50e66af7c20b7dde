using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Api;
using Orleans.Governance.Api.Identity;
using Orleans.Governance.Domain.Access;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Spectre.Console;

namespace Orleans.Governance.Benchmarks.Http;

/// <summary>
/// <c>http [rounds] [seconds] [rates]</c>: open-loop intake at fixed arrival rates against the real
/// silo host in a separate process: over HTTP (POST /api/v1/units/{grid}/cases with a city-level
/// centre-staff token) and, as the baseline, the same intakes through an Orleans client of the
/// same silo's gateway (<see cref="CaseRegistration.RegisterNewAsync"/>), rounds alternating.
/// </summary>
public static class HttpBenchmark
{
    public const double TargetP99Ms = 50;
    private const string SigningKey = "development-only-signing-key-for-the-http-benchmark";
    private static readonly double[] s_defaultRates = [500, 1_000, 1_500, 2_000, 2_500, 3_000, 4_000, 5_000, 6_000];
    private static readonly TimeSpan s_drain = TimeSpan.FromSeconds(15);

    private enum Way { Http, Orleans }

    public static async Task<int> RunAsync(string[] args)
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 200;
        }

        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var rates = args.Length > 2 ? args[2].Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToArray() : s_defaultRates;
        var round = TimeSpan.FromSeconds(seconds);

        // The core benchmark's city (4,000 grids), so that no grid's desk is a hot spot.
        var definition = Benchmark.WithRoomyMediators(CityGenerator.Generate(new CityShape { Id = "bench", Name = "基准市", Counties = 4, Townships = 45, Villages = 800, Grids = 4_000 }));
        var city = CityPlan.From(definition, definition.Id);
        var workload = new IntakeWorkload(city, 20_000);

        AnsiConsole.MarkupLine($"Starting the silo host (separate process) with city {city.Id}: {city.Units.Count:N0} units, {workload.Grids:N0} grids…");
        await using var silo = await SiloUnderLoad.StartAsync(definition, SigningKey, TimeSpan.FromMinutes(2));
        ThreadPool.GetMinThreads(out var minWorkers, out var minIo);
        AnsiConsole.MarkupLine($"Silo pid {silo.ProcessId} at {silo.BaseAddress} (log {Markup.Escape(silo.LogPath)}); this process: {Environment.ProcessorCount} cores, Server GC {System.Runtime.GCSettings.IsServerGC}, min threads {minWorkers}/{minIo}.");

        // One city-level centre-staff token: it may register at every grid, and every request carries it (no token cache on the server).
        var token = DevelopmentTokens.Mint(new ApiOptions { DevelopmentSigningKey = SigningKey }, "bench", Role.CentreStaff, city.Root.Id, "bench", TimeSpan.FromHours(8), TimeProvider.System.GetUtcNow());
        var actor = Actors.Person(city.Root.Id, "bench");
        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1_024,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        })
        {
            BaseAddress = silo.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
            DefaultRequestVersion = HttpVersion.Version11,
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var sent = 0;
        async Task SendHttpAsync(int _)
        {
            var n = Interlocked.Increment(ref sent);
            using var request = new HttpRequestMessage(HttpMethod.Post, workload.Path(n)) { Content = workload.Body(n) };
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new HttpRequestException($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        async Task SendOrleansAsync(int _)
        {
            var n = Interlocked.Increment(ref sent);
            var receipt = await silo.Grains.RegisterNewAsync(workload.Intake(n), actor);
            if (!receipt.Accepted)
            {
                throw new InvalidOperationException($"Registration refused: {receipt.CaseId}");
            }
        }

        Func<int, Task> Send(Way way) => way == Way.Http ? SendHttpAsync : SendOrleansAsync;

        var results = new Dictionary<(Way Way, double Rate), List<RoundResult>>();
        var cpu = new Dictionary<(Way Way, double Rate), List<(double Silo, double Client)>>();
        var pauseBefore = GC.GetTotalPauseDuration();
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var measured = new List<double>();
        await AnsiConsole.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                async Task<RoundResult> RoundAsync(Way way, double rate, string label)
                {
                    var count = (int)Math.Round(rate * round.TotalSeconds);
                    var task = progress.AddTask($"{way,-7} {rate,6:N0}/s {label}", maxValue: count);
                    var siloCpu = silo.CpuTime();
                    var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var result = await OpenLoopDriver.RunAsync(rate, round, Send(way), done => task.Value = done, s_drain);
                    var perRequest = ((silo.CpuTime() - siloCpu).TotalMilliseconds / count, (Process.GetCurrentProcess().TotalProcessorTime - clientCpu).TotalMilliseconds / count);
                    task.Value = count;
                    var failures = result.Failed + result.Unfinished > 0 ? $" [red]{result.Failed} failed, {result.Unfinished} unfinished[/] (first: {Markup.Escape(Shorten(result.FirstFailure))})" : "";
                    task.Description = $"{way,-7} {rate,6:N0}/s {label}: p50 {Ms(result.P50)} · p95 {Ms(result.P95)} · p99 {Ms(result.P99)} ms · CPU/req silo {perRequest.Item1:0.00} ms, client {perRequest.Item2:0.00} ms · load {LoadAverage()}{failures}";
                    task.StopTask();
                    if (!AnsiConsole.Profile.Capabilities.Interactive)
                    {
                        AnsiConsole.WriteLine(Markup.Remove(task.Description));
                    }

                    if (label.StartsWith("round", StringComparison.Ordinal))
                    {
                        results.TryAdd((way, rate), []);
                        results[(way, rate)].Add(result);
                        cpu.TryAdd((way, rate), []);
                        cpu[(way, rate)].Add(perRequest);
                    }

                    return result;
                }

                // Warm-up, two rounds each way: tiered compilation, connections, the first activation of every grid.
                for (var i = 1; i <= 2; i++)
                {
                    await RoundAsync(Way.Http, rates[0], $"warm-up {i}/2");
                    await RoundAsync(Way.Orleans, rates[0], $"warm-up {i}/2");
                }
                foreach (var rate in rates)
                {
                    for (var i = 1; i <= rounds; i++)
                    {
                        // Alternate which way goes first, so that neither always follows the other's backlog.
                        var order = i % 2 == 1 ? new[] { Way.Http, Way.Orleans } : [Way.Orleans, Way.Http];
                        foreach (var way in order)
                        {
                            await RoundAsync(way, rate, $"round {i}/{rounds}");
                        }
                    }

                    measured.Add(rate);
                    if (rate >= 2_000 && !Held(results[(Way.Http, rate)]))
                    {
                        break;
                    }
                }
            });

        var table = new Table().Title($"Open-loop intake, {rounds} rounds of {seconds:0} s per rate and way: medians (ms from intended send time)");
        table.AddColumns("intakes/s", "way", "p50", "p95", "p99", "max", "achieved/s", "failed", $"p99 ≤ {TargetP99Ms:0} ms", "CPU ms/intake silo · client");
        foreach (var rate in measured)
        {
            foreach (var way in new[] { Way.Http, Way.Orleans })
            {
                var r = results[(way, rate)];
                var c = cpu[(way, rate)];
                table.AddRow(rate.ToString("N0", CultureInfo.InvariantCulture), way == Way.Http ? "HTTP" : "Orleans client", Ms(Median(r, x => x.P50)), Ms(Median(r, x => x.P95)), Ms(Median(r, x => x.P99)),
                    Ms(Median(r, x => x.Max)), Median(r, x => x.AchievedPerSecond).ToString("N0", CultureInfo.InvariantCulture), r.Sum(x => x.Failed + x.Unfinished).ToString(CultureInfo.InvariantCulture),
                    Held(r) ? "[green]yes[/]" : "[red]no[/]", $"{Benchmark.Median(c.Select(x => x.Silo).ToList()):0.00} · {Benchmark.Median(c.Select(x => x.Client).ToList()):0.00}");
            }
        }

        AnsiConsole.Write(table);
        foreach (var way in new[] { Way.Http, Way.Orleans })
        {
            var held = measured.TakeWhile(rate => Held(results[(way, rate)])).LastOrDefault();
            AnsiConsole.MarkupLine($"Highest rate held with p99 ≤ {TargetP99Ms:0} ms ({(way == Way.Http ? "HTTP" : "Orleans client")}): {(held > 0 ? $"{held:N0} intakes/s" : "none of the rates")}{(held == measured[^1] ? " (the highest rate tried)" : "")}");
        }

        var http1000 = results.GetValueOrDefault((Way.Http, 1_000));
        AnsiConsole.MarkupLine(http1000 is null ? "Target (p99 ≤ 50 ms at 1,000/s over HTTP): not measured" :
            $"Target (p99 ≤ 50 ms at 1,000/s over HTTP): {(Held(http1000) ? "[green]met[/]" : "[red]missed[/]")} (median p99 {Ms(Median(http1000, x => x.P99))} ms)");
        AnsiConsole.MarkupLine($"This process's GC pauses during the run: {GC.GetTotalPauseDuration() - pauseBefore:g}; GCs: gen0 {GC.CollectionCount(0) - gcBefore.Item1}, gen1 {GC.CollectionCount(1) - gcBefore.Item2}, gen2 {GC.CollectionCount(2) - gcBefore.Item3}.");

        var chart = Path.GetFullPath("http-intake-benchmark.svg");
        LatencyChart.Save(chart, [.. new[] { Way.Http, Way.Orleans }.Select(way => new LatencyChart.Series(
            way == Way.Http ? "HTTP" : "Orleans client",
            measured,
            [.. measured.Select(rate => Median(results[(way, rate)], x => x.P50))],
            [.. measured.Select(rate => Median(results[(way, rate)], x => x.P95))],
            [.. measured.Select(rate => Median(results[(way, rate)], x => x.P99))],
            Dashed: way == Way.Orleans))], TargetP99Ms, $"Intake latency, open loop, {Environment.ProcessorCount} cores: HTTP vs Orleans client (medians of {rounds} rounds)");
        AnsiConsole.MarkupLine($"Chart: {chart}");
        return 0;
    }

    /// <summary>A rate is held when the median p99 of its rounds is within the target and no request of any round failed or went unanswered.</summary>
    private static bool Held(List<RoundResult> rounds) => rounds.All(r => r.Failed == 0 && r.Unfinished == 0) && Median(rounds, r => r.P99) <= TargetP99Ms;

    private static double Median(List<RoundResult> rounds, Func<RoundResult, double> figure) => Benchmark.Median([.. rounds.Select(figure)]);

    /// <summary>The machine's 1-minute load average (Linux), to tell a noisy round from a slow one.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static string Shorten(string? text) => text is null ? "none" : text.Length <= 160 ? text : text[..160] + "…";

    private static string Ms(double value) => double.IsFinite(value) ? value.ToString("0.0", CultureInfo.InvariantCulture) : "∞";
}
