using System.Diagnostics;

namespace Orleans.Governance.Tests.Shared;

/// <summary>A silo host in its own process, so that it can be killed with SIGKILL like a failing machine.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];
    private readonly List<(string Text, TaskCompletionSource Said)> _awaited = [];

    private SiloProcess(Process process)
    {
        _process = process;
    }

    public int SiloPort { get; private init; }

    /// <summary>
    /// Starts the silo host built beside the tests with these settings and waits until it says it
    /// is ready; a launcher is a command that runs the silo's <c>dotnet</c> by exec (e.g.
    /// <c>ip netns exec NAME</c>), so that the process is the silo's.
    /// </summary>
    public static async Task<SiloProcess> StartAsync(string name, int siloPort, IEnumerable<string> settings, IReadOnlyList<string>? launcher = null)
    {
        var silo = Launch(name, siloPort, settings, launcher);
        await silo.Ready.WaitAsync(TimeSpan.FromSeconds(90));
        return silo;
    }

    /// <summary>Starts the silo host built beside the tests with these settings, without waiting.</summary>
    public static SiloProcess Launch(string name, int siloPort, IEnumerable<string> settings, IReadOnlyList<string>? launcher = null)
    {
        string[] command = [.. launcher ?? Array.Empty<string>(), "dotnet", SiloAssembly];
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

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
        silo._process.Exited += (_, _) =>
        {
            silo._process.WaitForExit(); // the last lines of output
            silo._ready.TrySetException(new InvalidOperationException($"Silo {name} exited before it was ready:\n{silo.Output}"));
            silo._exited.TrySetResult(silo._process.ExitCode);
        };
        return silo;
    }

    /// <summary>Completes when the silo says it is ready; fails with its output if it exits first.</summary>
    public Task Ready => _ready.Task;

    /// <summary>The exit code, once the process has ended.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>Completes when a line of the silo's output contains the text.</summary>
    public Task Said(string text)
    {
        lock (_output)
        {
            if (_output.Any(line => line.Contains(text, StringComparison.Ordinal)))
            {
                return Task.CompletedTask;
            }

            var said = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _awaited.Add((text, said));
            return said.Task;
        }
    }

    /// <summary>How many lines of the silo's output so far contain the text.</summary>
    public int LinesSaying(string text)
    {
        lock (_output)
        {
            return _output.Count(line => line.Contains(text, StringComparison.Ordinal));
        }
    }

    /// <summary>SIGTERM, as a service manager stops it: the host shuts Orleans down gracefully (its grains deactivate, the silo leaves the membership).</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited && SendSignal(_process.Id, Sigterm) != 0)
        {
            throw new InvalidOperationException($"SIGTERM to silo process {_process.Id} failed (errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()})");
        }

        return await Exited.WaitAsync(timeout);
    }

    private const int Sigterm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

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
            foreach (var (text, said) in _awaited.Where(awaited => line.Contains(awaited.Text, StringComparison.Ordinal)).ToList())
            {
                said.TrySetResult();
                _awaited.Remove((text, said));
            }
        }

        if (line.Contains("Silo ready", StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
