using System.Collections.Concurrent;
using Orleans.Governance.Silo.Storage;

namespace Orleans.Governance.Durability.Tests;

/// <summary>The batching under the group-commit store, on its own (no database).</summary>
public sealed class GroupCommitQueueTests
{
    [Fact]
    public async Task Requests_that_queue_while_a_batch_runs_go_together_in_the_next_batch()
    {
        var batches = new ConcurrentQueue<int[]>();
        var firstBatchStarted = new TaskCompletionSource();
        var firstBatchMayFinish = new TaskCompletionSource();
        await using var queue = new GroupCommitQueue<int, int, int>(n => n, async batch =>
        {
            batches.Enqueue([.. batch]);
            if (batches.Count == 1)
            {
                firstBatchStarted.SetResult();
                await firstBatchMayFinish.Task;
            }

            return [.. batch.Select(n => n * 10)];
        }, maxBatchSize: 100, concurrentBatches: 1);

        var first = queue.RunAsync(0);
        await firstBatchStarted.Task;
        var rest = Enumerable.Range(1, 10).Select(queue.RunAsync).ToArray();
        firstBatchMayFinish.SetResult();
        var results = await Task.WhenAll(rest.Prepend(first));

        Assert.Equal(Enumerable.Range(0, 11).Select(n => n * 10), results);
        Assert.Equal([[0], [.. Enumerable.Range(1, 10)]], batches.ToArray());
        Assert.Equal((11L, 2L), queue.Counts);
    }

    [Fact]
    public async Task A_batch_takes_at_most_its_size_and_never_two_requests_for_the_same_key()
    {
        var batches = new ConcurrentQueue<string[]>();
        var started = new TaskCompletionSource();
        var gate = new TaskCompletionSource();
        await using var queue = new GroupCommitQueue<string, string, string>(r => r.Split(':')[0], async batch =>
        {
            batches.Enqueue([.. batch]);
            started.TrySetResult();
            await gate.Task;
            return [.. batch];
        }, maxBatchSize: 3, concurrentBatches: 1);

        var blocker = queue.RunAsync("z:0");
        await started.Task;
        string[] requests = ["a:1", "b:1", "a:2", "c:1", "d:1", "e:1"];
        var all = requests.Select(queue.RunAsync).Prepend(blocker).ToArray();
        gate.SetResult();
        await Task.WhenAll(all);

        Assert.Equal([["z:0"], ["a:1", "b:1"], ["a:2", "c:1", "d:1"], ["e:1"]], batches.ToArray());
    }

    [Fact]
    public async Task A_failed_batch_fails_each_of_its_requests_and_the_next_batch_still_runs()
    {
        var calls = 0;
        await using var queue = new GroupCommitQueue<int, int, int>(n => n, batch =>
            Interlocked.Increment(ref calls) == 1 ? throw new TimeoutException("database gone") : Task.FromResult(batch.ToArray()),
            maxBatchSize: 10, concurrentBatches: 1);

        var failed = await Assert.ThrowsAsync<TimeoutException>(() => queue.RunAsync(1));
        var after = await queue.RunAsync(2);

        Assert.Equal("database gone", failed.Message);
        Assert.Equal(2, after);
    }

    [Fact]
    public async Task A_batch_failing_for_one_request_is_split_down_to_it_and_the_others_succeed()
    {
        var gate = new TaskCompletionSource();
        var runs = new ConcurrentQueue<int[]>();
        await using var queue = new GroupCommitQueue<int, int, int>(n => n, async batch =>
        {
            await gate.Task;
            runs.Enqueue([.. batch]);
            return batch.Contains(13) ? throw new InvalidDataException("row 13 refused") : [.. batch.Select(n => -n)];
        }, maxBatchSize: 64, concurrentBatches: 1, isolatable: e => e is InvalidDataException);

        var requests = Enumerable.Range(0, 64).Select(queue.RunAsync).ToArray();
        gate.SetResult();
        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => requests[13]);
        var results = await Task.WhenAll(requests.Where((_, i) => i != 13));

        Assert.Equal("row 13 refused", refused.Message);
        Assert.Equal(Enumerable.Range(0, 64).Where(n => n != 13).Select(n => -n), results);
        // Each request succeeded in exactly one run (nothing applied twice), and the split took halves, not singles.
        var succeeded = runs.Where(r => !r.Contains(13)).SelectMany(r => r).ToList();
        Assert.Equal(Enumerable.Range(0, 64).Where(n => n != 13), succeeded.Order());
        Assert.True(runs.Count <= 2 + 2 * 6, $"{runs.Count} runs for 64 requests");
    }

    [Fact]
    public async Task A_failure_that_is_not_one_request_s_fault_fails_the_batch_without_retrying_it()
    {
        var runs = 0;
        var gate = new TaskCompletionSource();
        await using var queue = new GroupCommitQueue<int, int, int>(n => n, async batch =>
        {
            await gate.Task;
            Interlocked.Increment(ref runs);
            throw new TimeoutException("database gone");
        }, maxBatchSize: 64, concurrentBatches: 1, isolatable: e => e is InvalidDataException);

        var requests = Enumerable.Range(0, 8).Select(queue.RunAsync).ToArray();
        gate.SetResult();

        foreach (var request in requests)
        {
            await Assert.ThrowsAsync<TimeoutException>(() => request);
        }

        Assert.True(runs <= 2, $"{runs} runs: the failed batch was retried");
    }

    [Fact]
    public async Task Disposing_finishes_what_is_queued_and_refuses_what_comes_after()
    {
        var gate = new TaskCompletionSource();
        var queue = new GroupCommitQueue<int, int, int>(n => n, async batch =>
        {
            await gate.Task;
            return [.. batch];
        }, maxBatchSize: 2, concurrentBatches: 2);

        var queued = Enumerable.Range(0, 7).Select(queue.RunAsync).ToArray();
        var disposing = queue.DisposeAsync().AsTask();
        Assert.Throws<ObjectDisposedException>(() => { _ = queue.RunAsync(99); });
        gate.SetResult();
        await disposing;

        Assert.Equal(Enumerable.Range(0, 7), await Task.WhenAll(queued));
    }
}
