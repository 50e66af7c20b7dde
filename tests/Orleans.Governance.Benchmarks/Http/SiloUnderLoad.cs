using System.Diagnostics;
using System.Net.Sockets;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Kernel;

namespace Orleans.Governance.Benchmarks.Http;

/// <summary>
/// The real silo host (src/Orleans.Governance.Silo: embedded cluster, the HTTP API and the
/// dashboard on one Kestrel) in a process of its own, on free loopback ports, with a city file
/// written for the run; and an Orleans client of its gateway in this process.
/// </summary>
public sealed class SiloUnderLoad : IAsyncDisposable
{
    public const string ClusterId = "httpbench";
    public const string ServiceId = "httpbench";

    private readonly Process _process;
    private readonly IHost _client;
    private readonly StreamWriter _log;

    private SiloUnderLoad(Process process, IHost client, StreamWriter log, Uri baseAddress, string logPath)
    {
        _process = process;
        _client = client;
        _log = log;
        BaseAddress = baseAddress;
        LogPath = logPath;
        Grains = client.Services.GetRequiredService<IClusterClient>();
    }

    public Uri BaseAddress { get; }

    public string LogPath { get; }

    public int ProcessId => _process.Id;

    /// <summary>The Orleans client (gateway) of the same silo: the baseline's way in.</summary>
    public IGrainFactory Grains { get; }

    /// <summary>Starts the silo with <paramref name="city"/> and waits until the city is loaded.</summary>
    public static async Task<SiloUnderLoad> StartAsync(CityDefinition city, string signingKey, TimeSpan startFor)
    {
        var folder = Directory.CreateTempSubdirectory("httpbench-");
        var cityFile = Path.Combine(folder.FullName, "city.json");
        await File.WriteAllTextAsync(cityFile, CityFile.Write(city));
        var (siloPort, gatewayPort, httpPort) = (FreePort(), FreePort(), FreePort());
        var silo = Path.Combine(AppContext.BaseDirectory, "Orleans.Governance.Silo.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "exec", silo,
            $"--Governance:CityFile={cityFile}",
            $"--Governance:SiloPort={siloPort}",
            $"--Governance:GatewayPort={gatewayPort}",
            $"--Governance:ClusterId={ClusterId}",
            $"--Governance:ServiceId={ServiceId}",
            $"--Governance:Api:DevelopmentSigningKey={signingKey}",
            $"--Urls=http://127.0.0.1:{httpPort}",
            // The silo logs its start-up and warnings only: no line per request.
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Orleans.Governance=Information",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var logPath = Path.Combine(folder.FullName, "silo.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("The silo process did not start.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var giveUpAt = DateTime.UtcNow + startFor;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client =>
        {
            client.UseLocalhostClustering(gatewayPort, ServiceId, ClusterId);
            client.UseConnectionRetryFilter(async (_, token) =>
            {
                if (DateTime.UtcNow >= giveUpAt || process.HasExited)
                {
                    return false;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), token);
                return true;
            });
        });
        var host = builder.Build();
        await host.StartAsync();
        var running = new SiloUnderLoad(process, host, log, new Uri($"http://127.0.0.1:{httpPort}"), logPath);
        var cityGrain = running.Grains.GetGrain<ICityGrain>(city.Id);
        while (true)
        {
            if (process.HasExited || DateTime.UtcNow >= giveUpAt)
            {
                await running.DisposeAsync();
                throw new InvalidOperationException($"The silo did not load city {city.Id} within {startFor} (exit code {(process.HasExited ? process.ExitCode : "none")}); see {logPath}.");
            }

            try
            {
                if ((await cityGrain.GetFiguresAsync()).Units == city.Units.Count)
                {
                    return running;
                }
            }
            catch (Exception e) when (e is OrleansException or TimeoutException or UnitNotConfiguredException)
            {
                // Still loading.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>The silo process's CPU time so far (user and kernel).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        await _client.StopAsync();
        _client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
