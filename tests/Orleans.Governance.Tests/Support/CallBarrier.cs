using System.Collections.Concurrent;

namespace Orleans.Governance.Tests.Support;

/// <summary>
/// An explicit barrier for effects that happen after a test's own call returns (timer ticks,
/// one-way messages): counts completed incoming calls per grain and method, and lets a test
/// await the n-th one. No sleeping, no polling.
/// </summary>
public sealed class CallBarrier : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<(string Grain, string Method), int> _completed = new();
    private readonly List<(string Grain, string Method, int Count, TaskCompletionSource Done)> _waiters = [];
    private readonly Lock _lock = new();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        finally
        {
            Record(context.TargetId.Key.ToString()!, context.MethodName);
        }
    }

    public int Completed(string grain, string method) => _completed.GetValueOrDefault((grain, method));

    /// <summary>Completes when <paramref name="method"/> has completed <paramref name="count"/> times on <paramref name="grain"/>.</summary>
    public Task WaitAsync(string grain, string method, int count, string phase)
    {
        TaskCompletionSource done;
        lock (_lock)
        {
            if (Completed(grain, method) >= count)
            {
                return Task.CompletedTask;
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((grain, method, count, done));
        }

        return done.Task.WaitAsync(TimeSpan.FromSeconds(20)).ContinueWith(
            t => t.IsFaulted ? throw new TimeoutException($"{phase}: {method} on {grain} did not complete {count} time(s) within 20 s (completed {Completed(grain, method)}).") : t,
            TaskScheduler.Default).Unwrap();
    }

    private void Record(string grain, string method)
    {
        lock (_lock)
        {
            var count = _completed.AddOrUpdate((grain, method), 1, (_, c) => c + 1);
            foreach (var waiter in _waiters.Where(w => w.Grain == grain && w.Method == method && count >= w.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }
}
