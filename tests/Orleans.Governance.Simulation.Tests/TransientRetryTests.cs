using Orleans.Governance.Simulation.Load;

namespace Orleans.Governance.Simulation.Tests;

/// <summary>What the cluster clients' retry repeats: the cluster's failures, not the call's own or the caller's cancellation.</summary>
public sealed class TransientRetryTests
{
    [Fact]
    public async Task A_message_the_runtime_dropped_is_repeated_until_it_goes_through()
    {
        var calls = 0;
        var retried = new List<Exception>();

        var answer = await new TransientRetry(TimeSpan.FromSeconds(30)).RunAsync(
            () => ++calls switch
            {
                1 => throw new OperationCanceledException("Message expired before placement could complete for grain case/x."),
                2 => throw new SiloUnavailableException(),
                _ => Task.FromResult(calls),
            },
            retried.Add);

        Assert.Equal(3, answer);
        Assert.Equal([typeof(OperationCanceledException), typeof(SiloUnavailableException)], retried.Select(e => e.GetType()));
    }

    [Fact]
    public async Task A_bug_is_not_repeated_and_the_callers_cancellation_stops_the_retry()
    {
        var calls = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() => TransientRetry.UntilCancelled.RunAsync<int>(() => { calls++; throw new InvalidOperationException("bug"); }));
        Assert.Equal(1, calls);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        Assert.False(TransientRetry.IsTransient(new OperationCanceledException(cancelled.Token), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TransientRetry.UntilCancelled.RunAsync<int>(() => throw new OperationCanceledException(cancelled.Token), cancellationToken: cancelled.Token));
    }
}
