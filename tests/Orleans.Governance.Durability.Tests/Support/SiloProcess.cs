using System.Diagnostics;

namespace Orleans.Governance.Durability.Tests.Support;

/// <summary>A silo host in its own process, so that it can be killed with SIGKILL like a failing machine.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    private SiloProcess(Process process)
    {
        _process = process;
    }

    public int SiloPort { get; private init; }

    public static async Task<SiloProcess> StartAsync(string connectionString, string clusterId, int index, string cityFile)
    {
        var siloPort = 22_000 + index;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     Repository.SiloAssembly,
                     "--Governance:Cluster=PostgreSql", $"--Governance:ConnectionString={connectionString}",
                     $"--Governance:ClusterId={clusterId}", $"--Governance:ServiceId={clusterId}",
                     $"--Governance:SiloPort={siloPort}", $"--Governance:GatewayPort={32_000 + index}",
                     $"--Governance:CityFile={cityFile}", $"--Urls=http://127.0.0.1:{18_000 + index}",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var silo = new SiloProcess(Process.Start(start)!) { SiloPort = siloPort };
        silo._process.OutputDataReceived += (_, e) => silo.Observe(e.Data);
        silo._process.ErrorDataReceived += (_, e) => silo.Observe(e.Data);
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
        silo._process.EnableRaisingEvents = true;
        silo._process.Exited += (_, _) => silo._ready.TrySetException(new InvalidOperationException($"Silo {index} exited before it was ready:\n{silo.Output}"));
        await silo._ready.Task.WaitAsync(TimeSpan.FromSeconds(90));
        return silo;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output.TakeLast(40));
            }
        }
    }

    /// <summary>SIGKILL: no graceful shutdown, no deactivation, no goodbye to the cluster.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Observe(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        if (line.Contains("Silo ready", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
