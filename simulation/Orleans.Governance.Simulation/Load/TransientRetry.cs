using System.Data.Common;
using System.Diagnostics;
using Orleans.Governance.Domain.Kernel;

namespace Orleans.Governance.Simulation.Load;

/// <summary>
/// A client's retry policy through a silo's death or a database restart: a call that failed
/// because the cluster or its database could not answer is repeated with the same arguments,
/// backing off from 100 ms to 5 s. The grains answer a repeated registration or command as before,
/// so a repeat never doubles a case. A failure of the call itself (a bug, a bad argument) is not
/// repeated. The load command retries until its drive is cancelled; the durability tests give up
/// after a budget, so that a cluster that never recovers fails the test instead of hanging it.
/// </summary>
public sealed class TransientRetry(TimeSpan giveUpAfter)
{
    private static readonly TimeSpan s_firstBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_lastBackoff = TimeSpan.FromSeconds(5);

    /// <summary>Retries for as long as it takes; only cancellation stops it.</summary>
    public static TransientRetry UntilCancelled { get; } = new(Timeout.InfiniteTimeSpan);

    /// <summary>
    /// Runs <paramref name="call"/> until it succeeds; <paramref name="retrying"/> hears each
    /// transient failure before its repeat. Rethrows a failure that is not transient, or one that
    /// comes after the budget is spent.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> call, Action<Exception>? retrying = null, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var backoff = s_firstBackoff;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (IsTransient(e, cancellationToken) && WithinBudget(started))
            {
                retrying?.Invoke(e);
                await Task.Delay(backoff, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, s_lastBackoff.Ticks));
            }
        }
    }

    /// <summary>
    /// Failures of the cluster, the connection or the database, not of the call: a silo died, a
    /// gateway closed, a call timed out, a write failed (storage failures reach the caller as
    /// <see cref="OrleansException"/>, a reminder's as PostgreSQL's own), a restarted embedded
    /// silo has not loaded its city yet, or the runtime dropped the message — Orleans cancels a
    /// message that expired before it was placed (while the directory recovers from a silo's
    /// death), which is not the caller's own cancellation.
    /// </summary>
    public static bool IsTransient(Exception e, CancellationToken callerCancellation = default) =>
        e is OrleansException or TimeoutException or DbException or UnitNotConfiguredException
        || (e is OperationCanceledException && !callerCancellation.IsCancellationRequested);

    private bool WithinBudget(long started) =>
        giveUpAfter == Timeout.InfiniteTimeSpan || Stopwatch.GetElapsedTime(started) < giveUpAfter;
}
