using System.Diagnostics;
using Orleans.Governance.Simulation.Output;
using Spectre.Console;

namespace Orleans.Governance.Simulation.Load;

/// <summary>
/// Progress of a load drive: a live Spectre.Console bar on an interactive terminal; otherwise one
/// plain line per 10 % of each phase (redirected output, CI=true).
/// </summary>
public sealed class ConsoleLoadProgress(IAnsiConsole console) : ILoadProgress
{
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);
    private ProgressContext? _context;
    private string _lastPhase = "";
    private int _lastDecile = -1;
    private long _lastCalls;
    private double _lastSeconds;
    private double _rate;

    public Task<T> RunAsync<T>(Func<Task<T>> work) => ConsoleProgress.WithBarsAsync(console, async context =>
    {
        _context = context;
        var result = await work();
        foreach (var task in _tasks.Values)
        {
            task.Value = task.MaxValue;
        }

        return result;
    });

    public void Report(string phase, long done, long total, long calls)
    {
        lock (_gate)
        {
            var seconds = _clock.Elapsed.TotalSeconds;
            if (seconds - _lastSeconds >= 0.5)
            {
                _rate = (calls - _lastCalls) / (seconds - _lastSeconds);
                _lastCalls = calls;
                _lastSeconds = seconds;
            }

            var text = $"{phase} {done:N0}/{total:N0} · {calls:N0} calls · {_rate:N0} calls/s";
            if (_context is { } context)
            {
                if (!_tasks.TryGetValue(phase, out var task))
                {
                    _tasks[phase] = task = context.AddTask(phase, maxValue: Math.Max(1, total));
                }

                task.Description = text;
                task.Value = done;
                return;
            }

            var decile = (int)Math.Min(10, done * 10 / Math.Max(1, total));
            if (phase != _lastPhase || decile > _lastDecile)
            {
                _lastPhase = phase;
                _lastDecile = decile;
                console.WriteLine(text);
            }
        }
    }
}
