using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Simulation.Load;
using Spectre.Console;

namespace Orleans.Governance.Simulation.Cli;

/// <summary><c>load [--gateway HOST:PORT | --postgres CONNSTRING [--cluster-id ID]] [--city FILE] [--open N] [--complete SHARE] [--concurrency C] [--duration D] [--run-id ID] [--seed N]</c>.</summary>
public static class LoadCommand
{
    private static readonly TimeSpan s_connectFor = TimeSpan.FromSeconds(60);

    public static Command Create()
    {
        var gateway = new Option<IPEndPoint>("--gateway")
        {
            Description = "the embedded silo's gateway",
            DefaultValueFactory = _ => new IPEndPoint(IPAddress.Loopback, 30000),
            CustomParser = ParseEndPoint,
        };
        var postgres = new Option<string?>("--postgres") { Description = "Npgsql connection string of the cluster's membership table (ADO.NET clustering) instead of --gateway" };
        var clusterId = new Option<string?>("--cluster-id") { Description = "cluster id (default: governance with --postgres, dev for the embedded silo)" };
        var cityFile = new Option<FileInfo>("--city") { Description = "the city file the silo loaded", DefaultValueFactory = _ => new FileInfo("cities/sample.json") };
        var open = new Option<int>("--open") { Description = "disputes to register and keep open", DefaultValueFactory = _ => 50_000 };
        var complete = new Option<double>("--complete") { Description = "share (0–1) of each grid's disputes then signed, mediated, resolved and closed", DefaultValueFactory = _ => 0 };
        var concurrency = new Option<int>("--concurrency") { Description = "calls in flight at once", DefaultValueFactory = _ => 256 };
        var duration = new Option<TimeSpan>("--duration") { Description = "wall-time bound: 90s, 10m, 1h or hh:mm:ss", DefaultValueFactory = _ => TimeSpan.FromMinutes(10), CustomParser = ParseDuration };
        var runId = new Option<string?>("--run-id") { Description = "prefix of the case ids (default: load-<UTC time>); the same prefix re-sends the same registrations" };
        var seed = new Option<long>("--seed") { Description = "seed of the generated parties", DefaultValueFactory = _ => 1 };
        var command = new Command("load", "Drives a running cluster in real time with many concurrently open disputes; prints throughput and call latency.")
        {
            gateway, postgres, clusterId, cityFile, open, complete, concurrency, duration, runId, seed,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = AnsiConsole.Console;
            var problems = Problems(parse.GetValue(open), parse.GetValue(complete), parse.GetValue(concurrency)).ToList();
            if (problems.Count > 0)
            {
                problems.ForEach(Console.Error.WriteLine);
                return 2;
            }

            var file = parse.GetValue(cityFile)!;
            CityPlan city;
            try
            {
                city = CityFile.LoadFile(file.FullName);
            }
            catch (Exception e) when (e is IOException or CityFileException)
            {
                Console.Error.WriteLine($"--city: {file.FullName} — {e.Message}");
                return 2;
            }

            var settings = new LoadSettings
            {
                Gateway = parse.GetValue(gateway)!,
                Postgres = parse.GetValue(postgres),
                ClusterId = parse.GetValue(clusterId),
                Open = parse.GetValue(open),
                Complete = parse.GetValue(complete),
                Concurrency = parse.GetValue(concurrency),
                Duration = parse.GetValue(duration),
                RunId = parse.GetValue(runId) ?? $"load-{TimeProvider.System.GetUtcNow():yyyyMMddHHmmss}",
                Seed = parse.GetValue(seed),
            };
            var target = settings.Postgres is null ? $"gateway {settings.Gateway}" : $"PostgreSQL membership, cluster {settings.EffectiveClusterId}";
            console.WriteLine($"Connecting to {target}…");
            await using var client = await LoadClient.ConnectAsync(settings, s_connectFor, cancellationToken);
            var loaded = await client.Grains.GetGrain<ICityGrain>(city.Id).GetFiguresAsync();
            if (loaded.Units != city.Units.Count)
            {
                Console.Error.WriteLine($"--city: {file.FullName} has {city.Units.Count} units, the cluster's city '{city.Id}' has {loaded.Units} — start the silo with the same city file.");
                return 2;
            }

            console.WriteLine($"City {city.Id}: {city.Units.Count:N0} units. Registering {settings.Open:N0} disputes as {settings.RunId}-*, {settings.Concurrency} calls in flight, at most {settings.Duration}.");
            var progress = new ConsoleLoadProgress(console);
            var result = await progress.RunAsync(() => new LoadDriver(client.Grains, city, settings, progress).RunAsync(cancellationToken));
            LoadReport.Print(console, result);
            return result.StoppedByDuration ? 1 : 0;
        });
        return command;
    }

    private const int MaxOpen = 2_000_000;

    private static IEnumerable<string> Problems(int open, double complete, int concurrency)
    {
        if (open is < 1 or > MaxOpen)
        {
            yield return $"--open: {open} — expected an integer from 1 to {MaxOpen:N0} (each open dispute is tracked in this process)";
        }

        if (complete is < 0 or > 1)
        {
            yield return $"--complete: {complete} — expected a share between 0 and 1";
        }

        if (concurrency < 1)
        {
            yield return $"--concurrency: {concurrency} — expected an integer ≥ 1";
        }
    }

    private static IPEndPoint ParseEndPoint(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (IPEndPoint.TryParse(text, out var endPoint) && endPoint.Port > 0)
        {
            return endPoint;
        }

        result.AddError($"--gateway: {text} — expected an IP address and port, e.g. 127.0.0.1:30000");
        return new IPEndPoint(IPAddress.Loopback, 30000);
    }

    private static TimeSpan ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value.Trim();
        var unit = text.Length > 0 ? text[^1] : ' ';
        var scale = unit switch { 's' => 1, 'm' => 60, 'h' => 3600, _ => 0 };
        if (scale > 0 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return TimeSpan.FromSeconds(value * scale);
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
        {
            return span;
        }

        result.AddError($"--duration: {text} — expected a positive duration: 90s, 10m, 1h or hh:mm:ss");
        return TimeSpan.Zero;
    }
}
