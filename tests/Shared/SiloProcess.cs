using System.Diagnostics;

namespace Orleans.Governance.Tests.Shared;

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

    /// <summary>Starts the silo host built beside the tests with these settings and waits until it says it is ready.</summary>
    public static async Task<SiloProcess> StartAsync(string name, int siloPort, IEnumerable<string> settings)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(SiloAssembly);
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        var silo = new SiloProcess(Process.Start(start)!) { SiloPort = siloPort };
        silo._process.OutputDataReceived += (_, e) => silo.Observe(e.Data);
        silo._process.ErrorDataReceived += (_, e) => silo.Observe(e.Data);
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
        silo._process.EnableRaisingEvents = true;
        silo._process.Exited += (_, _) => silo._ready.TrySetException(new InvalidOperationException($"Silo {name} exited before it was ready:\n{silo.Output}"));
        await silo._ready.Task.WaitAsync(TimeSpan.FromSeconds(90));
        return silo;
    }

    /// <summary>The silo host built beside the tests (the project reference copies it here).</summary>
    public static string SiloAssembly => System.IO.Path.Combine(AppContext.BaseDirectory, "Orleans.Governance.Silo.dll");

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
