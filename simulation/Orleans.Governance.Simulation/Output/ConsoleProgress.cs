using System.Diagnostics;
using System.Globalization;
using Orleans.Governance.Simulation.Model;
using Spectre.Console;

namespace Orleans.Governance.Simulation.Output;

/// <summary>
/// Progress of a run: a live Spectre.Console bar on an interactive terminal; plain lines every
/// 10 % of the whole run otherwise (redirected output, CI=true), so logs stay readable. The kernel
/// host reports its replications from several threads at once: the bar shows the days done over all.
/// </summary>
public sealed class ConsoleProgress(IAnsiConsole console, DateOnly startDate, double horizonDays, int replications) : IProgressSink
{
    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly double[] _days = new double[replications];
    private readonly long[] _events = new long[replications];
    private readonly long[] _cases = new long[replications];
    private ProgressTask? _task;
    private int _lastDecile = -1;
    private long _lastEvents;
    private double _lastSeconds;
    private double _rate;

    public static bool IsInteractive(IAnsiConsole console) =>
        console.Profile.Capabilities.Interactive && !Console.IsOutputRedirected
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Runs <paramref name="work"/> under a live bar when the console is interactive.</summary>
    public Task<T> RunAsync<T>(Func<Task<T>> work) => WithBarsAsync(console, async context =>
    {
        _task = context?.AddTask("starting…", maxValue: horizonDays * replications);
        var result = await work();
        if (_task is { } task)
        {
            task.Value = task.MaxValue;
        }

        return result;
    });

    /// <summary>
    /// The progress display every long command shares: <paramref name="work"/> gets a live
    /// Spectre.Console context on an interactive terminal, and null otherwise (it then prints plain lines).
    /// </summary>
    public static async Task<T> WithBarsAsync<T>(IAnsiConsole console, Func<ProgressContext?, Task<T>> work) =>
        !IsInteractive(console)
            ? await work(null)
            : await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(context => work(context));

    public void Report(int replication, double day, long cases, long events)
    {
        lock (_lock)
        {
            _days[replication - 1] = Math.Min(day, horizonDays);
            _cases[replication - 1] = cases;
            _events[replication - 1] = events;
            var (done, allEvents, allCases) = (_days.Sum(), _events.Sum(), _cases.Sum());
            var seconds = _clock.Elapsed.TotalSeconds;
            if (seconds - _lastSeconds >= 0.5)
            {
                _rate = Math.Max(0, allEvents - _lastEvents) / (seconds - _lastSeconds);
                _lastEvents = allEvents;
                _lastSeconds = seconds;
            }

            var running = _days.Count(d => d > 0 && d < horizonDays);
            var date = startDate.AddDays((int)Math.Floor(day)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var text = running > 1
                ? $"{running} replications running · {done / (horizonDays * replications):P0} of {replications} · {allCases:N0} cases · {_rate:N0} events/s"
                : $"rep {replication}/{replications} · {date} · {allCases:N0} cases · {_rate:N0} events/s";
            if (_task is { } task)
            {
                task.Description = text;
                task.Value = done;
                return;
            }

            var decile = (int)Math.Min(10 * replications, Math.Floor(done / horizonDays * 10));
            if (decile > _lastDecile)
            {
                // A plain line straight to the console's writer: Spectre's renderer would be
                // compiled for it in the middle of the event loop.
                _lastDecile = decile;
                console.Profile.Out.Writer.WriteLine(text);
            }
        }
    }
}
