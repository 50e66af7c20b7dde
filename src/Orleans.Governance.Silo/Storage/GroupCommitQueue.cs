using System.Threading.Channels;

namespace Orleans.Governance.Silo.Storage;

/// <summary>
/// Runs requests in batches, a few batches at a time: whatever queued while the running batches
/// were busy goes into the next one. A batch therefore grows with the load, and under light load
/// a request runs at once, alone, without waiting for a timer or for company.
/// </summary>
/// <remarks>
/// Two requests with the same key never share a batch: the second starts the next one, so one
/// statement never touches a row twice. A batch that fails for a reason its requests may carry
/// (the database refused a statement, which it then rolled back whole) is split in halves and
/// each half run again, down to the request at fault: one bad row does not fail a thousand
/// unrelated writes, and since the failed run applied nothing, nothing is applied twice.
/// </remarks>
internal sealed class GroupCommitQueue<TKey, TRequest, TResult> : IAsyncDisposable
    where TKey : notnull
{
    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>();
    private readonly Func<TRequest, TKey> _keyOf;
    private readonly Func<IReadOnlyList<TRequest>, Task<TResult[]>> _runBatch;
    private readonly Func<Exception, bool> _isolatable;
    private readonly int _maxBatchSize;
    private readonly Task[] _runners;
    private long _requests;
    private long _batches;

    /// <param name="keyOf">What two requests must not share a batch for (the row they touch).</param>
    /// <param name="runBatch">Runs one batch; returns one result per request, in order, or throws for all of them.</param>
    /// <param name="maxBatchSize">The most requests in one batch.</param>
    /// <param name="concurrentBatches">Batches running at once.</param>
    /// <param name="isolatable">Whether a failure may be one request's fault and left nothing applied, so that halves of the batch are worth running again.</param>
    public GroupCommitQueue(
        Func<TRequest, TKey> keyOf, Func<IReadOnlyList<TRequest>, Task<TResult[]>> runBatch, int maxBatchSize, int concurrentBatches, Func<Exception, bool>? isolatable = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrentBatches, 1);
        (_keyOf, _runBatch, _maxBatchSize, _isolatable) = (keyOf, runBatch, maxBatchSize, isolatable ?? (_ => false));
        _runners = [.. Enumerable.Range(0, concurrentBatches).Select(_ => Task.Run(RunBatchesAsync))];
    }

    /// <summary>Requests run so far and the batches they ran in.</summary>
    public (long Requests, long Batches) Counts => (Interlocked.Read(ref _requests), Interlocked.Read(ref _batches));

    public Task<TResult> RunAsync(TRequest request)
    {
        var pending = new Pending(request, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_pending.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(GroupCommitQueue<TKey, TRequest, TResult>), "The storage is shutting down.");
        }

        return pending.Completion.Task;
    }

    /// <summary>Takes no more requests and finishes those already queued.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await Task.WhenAll(_runners);
    }

    private async Task RunBatchesAsync()
    {
        var batch = new List<Pending>(_maxBatchSize);
        var keys = new HashSet<TKey>();
        Pending? held = null;
        while (held is not null || await _pending.Reader.WaitToReadAsync())
        {
            batch.Clear();
            keys.Clear();
            if (held is { } first)
            {
                batch.Add(first);
                keys.Add(_keyOf(first.Request));
                held = null;
            }

            while (batch.Count < _maxBatchSize && _pending.Reader.TryRead(out var next))
            {
                if (!keys.Add(_keyOf(next.Request)))
                {
                    held = next;
                    break;
                }

                batch.Add(next);
            }

            if (batch.Count > 0)
            {
                await RunAsync(batch.ToArray());
            }
        }
    }

    private async Task RunAsync(ArraySegment<Pending> batch)
    {
        Exception? failure = null;
        try
        {
            var results = await _runBatch([.. batch.Select(p => p.Request)]);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception e)
        {
            failure = e;
        }

        Interlocked.Increment(ref _batches);
        if (failure is null)
        {
            Interlocked.Add(ref _requests, batch.Count);
        }
        else if (batch.Count > 1 && _isolatable(failure))
        {
            var half = batch.Count / 2;
            await RunAsync(batch[..half]);
            await RunAsync(batch[half..]);
        }
        else
        {
            Interlocked.Add(ref _requests, batch.Count);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(failure);
            }
        }
    }

    private sealed record Pending(TRequest Request, TaskCompletionSource<TResult> Completion);
}
