using System.Diagnostics;

namespace Orleans.Governance.Benchmarks.Http;

/// <summary>Latency percentiles of one round at a fixed arrival rate, in milliseconds from each request's intended send time.</summary>
public sealed record RoundResult(double Rate, int Requests, int Failed, int Unfinished, double P50, double P95, double P99, double Max, double AchievedPerSecond)
{
    /// <summary>The first failure's message, if any request failed.</summary>
    public string? FirstFailure { get; init; }

    /// <summary>Every request answered as expected, and p99 within the bound.</summary>
    public bool Holds(double p99Bound) => Failed == 0 && Unfinished == 0 && P99 <= p99Bound;
}

/// <summary>
/// An open-loop driver: request i is due at start + i / rate whatever happened to the requests
/// before it, and its latency is its completion minus that intended time, so a stalled server
/// (or a stalled client) is charged for every request it held back, not just for the one it was
/// busy with (no coordinated omission). A dedicated thread keeps the schedule; the requests run
/// on the thread pool.
/// </summary>
public static class OpenLoopDriver
{
    /// <param name="rate">Requests per second.</param>
    /// <param name="duration">How long requests are sent: rate × duration requests in all.</param>
    /// <param name="send">Sends request number i; throws when the answer is not the expected one.</param>
    /// <param name="progress">Called with the number of requests sent so far, about ten times a second.</param>
    /// <param name="drain">How long to wait, after the last intended send time, for requests still in flight; those still unanswered count as unfinished (their latency as infinite).</param>
    public static async Task<RoundResult> RunAsync(double rate, TimeSpan duration, Func<int, Task> send, Action<int>? progress, TimeSpan drain)
    {
        var count = (int)Math.Round(rate * duration.TotalSeconds);
        var latencies = new double[count];
        Array.Fill(latencies, double.PositiveInfinity);
        var tasks = new Task[count];
        var failed = 0;
        string? firstFailure = null;
        var ticksPerRequest = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 100;

        async Task OneAsync(int i, long intended)
        {
            try
            {
                await send(i).ConfigureAwait(false);
                latencies[i] = Stopwatch.GetElapsedTime(intended).TotalMilliseconds;
            }
            catch (Exception e)
            {
                Interlocked.Increment(ref failed);
                Interlocked.CompareExchange(ref firstFailure, $"{e.GetType().Name}: {e.Message}", null);
                latencies[i] = Stopwatch.GetElapsedTime(intended).TotalMilliseconds;
            }
        }

        var scheduled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scheduler = new Thread(() =>
        {
            var next = 0;
            var lastReport = Stopwatch.GetTimestamp();
            while (next < count)
            {
                var now = Stopwatch.GetTimestamp();
                var due = now < start ? 0 : Math.Min(count, (int)((now - start) / ticksPerRequest) + 1);
                for (; next < due; next++)
                {
                    var (i, intended) = (next, start + (long)(next * ticksPerRequest));
                    tasks[i] = Task.Run(() => OneAsync(i, intended));
                }

                if (progress is not null && now - lastReport > Stopwatch.Frequency / 10)
                {
                    progress(next);
                    lastReport = now;
                }

                // Sleep, never spin: on two shared cores a spinning scheduler takes CPU from the
                // server it measures. A request sent up to a millisecond late is charged for it.
                if (next < count)
                {
                    Thread.Sleep(1);
                }
            }

            progress?.Invoke(count);
            scheduled.SetResult();
        })
        { IsBackground = true, Name = "open-loop schedule" };
        scheduler.Start();
        await scheduled.Task;
        var lastIntended = Stopwatch.GetElapsedTime(start);
        try
        {
            await Task.WhenAll(tasks).WaitAsync(drain);
        }
        catch (TimeoutException)
        {
            // Unanswered requests keep their infinite latency.
        }

        var elapsed = Stopwatch.GetElapsedTime(start);
        var unfinished = tasks.Count(t => !t.IsCompleted);
        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        return new RoundResult(rate, count, failed, unfinished, Quantile(sorted, 0.50), Quantile(sorted, 0.95), Quantile(sorted, 0.99), sorted[^1],
            (count - unfinished) / Math.Max(elapsed.TotalSeconds, lastIntended.TotalSeconds))
        { FirstFailure = firstFailure };
    }

    /// <summary>Nearest-rank quantile of sorted values.</summary>
    public static double Quantile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
