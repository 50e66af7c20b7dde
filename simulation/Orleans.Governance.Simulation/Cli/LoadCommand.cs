using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Cluster;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Simulation.Load;
using Orleans.Governance.Simulation.Output;
using Spectre.Console;

namespace Orleans.Governance.Simulation.Cli;

/// <summary>
/// <c>load [--gateway HOST:PORT | --postgres CONNSTRING] [--cluster-id ID] [--service-id ID]
/// [--tls-certificate FILE --tls-key FILE | --tls-pfx FILE [--tls-pfx-password P]] [--tls-ca FILE]
/// [--city FILE] [--open N] [--complete SHARE] [--concurrency C] [--duration D] [--run-id ID] [--seed N]</c>.
/// Exit codes: 0 done, 1 stopped by --duration, 2 refused input (nothing sent), 3 the cluster could not be reached.
/// </summary>
public static class LoadCommand
{
    /// <summary>The cluster could not be reached, or refused this client: nothing was sent.</summary>
    public const int Unreachable = 3;

    private const int Refused = 2;
    private const int MaxOpen = 2_000_000;
    private const int MaxConcurrency = 100_000;
    private static readonly TimeSpan s_connectFor = TimeSpan.FromSeconds(60);

    public static Command Create() => Create(null, s_connectFor);

    /// <summary>Test-only seam: <paramref name="console"/> captures the output, <paramref name="connectFor"/> shortens the wait for a cluster that does not answer.</summary>
    internal static Command Create(IAnsiConsole? console, TimeSpan connectFor)
    {
        var gateway = new Option<IPEndPoint>("--gateway")
        {
            Description = "a silo's gateway (its Governance:GatewayPort)",
            DefaultValueFactory = _ => new IPEndPoint(IPAddress.Loopback, 30000),
            CustomParser = ParseEndPoint,
        };
        var postgres = new Option<string?>("--postgres") { Description = "Npgsql connection string of the cluster's membership table (ADO.NET clustering) instead of --gateway" };
        var clusterId = new Option<string>("--cluster-id") { Description = "the silo's Governance:ClusterId", DefaultValueFactory = _ => ClusterIdentity.DefaultClusterId };
        var serviceId = new Option<string>("--service-id") { Description = "the silo's Governance:ServiceId", DefaultValueFactory = _ => ClusterIdentity.DefaultServiceId };
        var tlsCertificate = new Option<string?>("--tls-certificate") { Description = "for a cluster with TLS (Governance:Tls): this client's certificate of the cluster (PEM), with --tls-key and --tls-ca" };
        var tlsKey = new Option<string?>("--tls-key") { Description = "the unencrypted private key of --tls-certificate (PEM)" };
        var tlsPfx = new Option<string?>("--tls-pfx") { Description = "instead of --tls-certificate and --tls-key: a PKCS#12 file with both" };
        var tlsPfxPassword = new Option<string?>("--tls-pfx-password") { Description = "the password of --tls-pfx, if it has one" };
        var tlsCa = new Option<string?>("--tls-ca") { Description = "the cluster's CA certificate (PEM), the silo's Governance:Tls:CaPath; required with a certificate" };
        var cityFile = new Option<FileInfo>("--city") { Description = "the city file the silo loaded", DefaultValueFactory = _ => new FileInfo("cities/sample.json") };
        var open = new Option<int>("--open") { Description = "disputes to register and keep open", DefaultValueFactory = _ => 50_000 };
        var complete = new Option<double>("--complete") { Description = "share (0–1) of each grid's disputes then signed, mediated, resolved and closed", DefaultValueFactory = _ => 0 };
        var concurrency = new Option<int>("--concurrency") { Description = "calls in flight at once", DefaultValueFactory = _ => 256 };
        var duration = new Option<TimeSpan>("--duration") { Description = "wall-time bound: 90s, 10m, 1h or hh:mm:ss", DefaultValueFactory = _ => TimeSpan.FromMinutes(10), CustomParser = ParseDuration };
        var runId = new Option<string?>("--run-id") { Description = "prefix of the case ids (default: load-<UTC time>); the same prefix re-sends the same registrations" };
        var seed = new Option<long>("--seed") { Description = "seed of the generated parties", DefaultValueFactory = _ => 1 };
        var command = new Command("load", "Drives a running cluster in real time with many concurrently open disputes; prints throughput and call latency.")
        {
            gateway, postgres, clusterId, serviceId, tlsCertificate, tlsKey, tlsPfx, tlsPfxPassword, tlsCa, cityFile, open, complete, concurrency, duration, runId, seed,
        };

        // Problems with the TLS files name the options they came from, as the silo's name its settings.
        var tlsNames = new ClusterTlsNames(tlsCertificate.Name, tlsKey.Name, tlsPfx.Name, tlsPfxPassword.Name, tlsCa.Name);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = console ?? AnsiConsole.Console;
            if (!ConsoleProgress.IsInteractive(output))
            {
                // Plain lines for logs: no wrapping at the 80 columns Spectre assumes without a terminal.
                output.Profile.Width = 400;
            }

            var error = parse.InvocationConfiguration.Error;
            var tls = new ClusterTlsOptions
            {
                CertificatePath = parse.GetValue(tlsCertificate),
                KeyPath = parse.GetValue(tlsKey),
                PfxPath = parse.GetValue(tlsPfx),
                PfxPassword = parse.GetValue(tlsPfxPassword),
                CaPath = parse.GetValue(tlsCa),
            };
            var identity = new ClusterIdentity { ClusterId = parse.GetValue(clusterId)!, ServiceId = parse.GetValue(serviceId)! };
            var problems = Problems(parse.GetValue(open), parse.GetValue(complete), parse.GetValue(concurrency), identity).Concat(tls.Validate(tlsNames)).ToList();
            if (problems.Count > 0)
            {
                problems.ForEach(error.WriteLine);
                return Refused;
            }

            var file = parse.GetValue(cityFile)!;
            CityPlan city;
            try
            {
                city = CityFile.LoadFile(file.FullName);
            }
            catch (Exception e) when (e is IOException or CityFileException)
            {
                error.WriteLine($"--city: {file.FullName} — {e.Message}");
                return Refused;
            }

            ClusterCredentials? credentials = null;
            if (tls.Enabled)
            {
                try
                {
                    credentials = ClusterTls.Load(tls, ClusterPeer.Client, tlsNames, TimeProvider.System);
                }
                catch (ClusterTlsException e)
                {
                    error.WriteLine(e.Message);
                    return Refused;
                }
            }

            var settings = new LoadSettings
            {
                Gateway = parse.GetValue(gateway)!,
                Postgres = parse.GetValue(postgres),
                Cluster = identity,
                Tls = credentials,
                Open = parse.GetValue(open),
                Complete = parse.GetValue(complete),
                Concurrency = parse.GetValue(concurrency),
                Duration = parse.GetValue(duration),
                RunId = parse.GetValue(runId) ?? $"load-{TimeProvider.System.GetUtcNow():yyyyMMddHHmmss}",
                Seed = parse.GetValue(seed),
            };
            var target = settings.Postgres is null ? $"gateway {settings.Gateway}" : "the gateways of the PostgreSQL membership table";
            output.WriteLine($"Connecting to {target}, cluster {identity.ClusterId}, service {identity.ServiceId}, {(credentials is null ? "without TLS" : $"TLS as {credentials.Certificate.Subject}")}…");
            LoadClient client;
            try
            {
                client = await LoadClient.ConnectAsync(settings, connectFor,
                    problem => output.WriteLine($"{problem} Trying again for up to {connectFor.TotalSeconds:0} s."), cancellationToken);
            }
            catch (ClusterUnreachableException e)
            {
                error.WriteLine($"load: cannot connect. {e.Message}");
                return Unreachable;
            }

            await using (client)
            {
                var loaded = await client.Grains.GetGrain<ICityGrain>(city.Id).GetFiguresAsync();
                if (loaded.Units != city.Units.Count)
                {
                    error.WriteLine($"--city: {file.FullName} has {city.Units.Count} units, the cluster's city '{city.Id}' has {loaded.Units} — start the silo with the same city file.");
                    return Refused;
                }

                output.WriteLine($"City {city.Id}: {city.Units.Count:N0} units. Registering {settings.Open:N0} disputes as {settings.RunId}-*, {settings.Concurrency} calls in flight, at most {settings.Duration}.");
                var progress = new ConsoleLoadProgress(output);
                var result = await progress.RunAsync(() => new LoadDriver(client.Grains, city, settings, progress).RunAsync(cancellationToken));
                LoadReport.Print(output, result);
                return result.StoppedByDuration ? 1 : 0;
            }
        });
        return command;
    }

    private static IEnumerable<string> Problems(int open, double complete, int concurrency, ClusterIdentity identity)
    {
        if (open is < 1 or > MaxOpen)
        {
            yield return $"--open: {open} — expected an integer from 1 to {MaxOpen:N0} (each open dispute is tracked in this process)";
        }

        if (complete is < 0 or > 1)
        {
            yield return $"--complete: {complete} — expected a share between 0 and 1";
        }

        if (concurrency is < 1 or > MaxConcurrency)
        {
            yield return $"--concurrency: {concurrency} — expected an integer from 1 to {MaxConcurrency:N0}";
        }

        if (string.IsNullOrWhiteSpace(identity.ClusterId) || string.IsNullOrWhiteSpace(identity.ServiceId))
        {
            yield return "--cluster-id and --service-id must not be empty";
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
