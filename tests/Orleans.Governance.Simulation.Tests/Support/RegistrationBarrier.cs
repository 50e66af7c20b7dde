using Orleans.Governance.Simulation.Load;

namespace Orleans.Governance.Simulation.Tests.Support;

/// <summary>
/// Completes once a load drive has registered <paramref name="count"/> disputes, and holds every
/// registration after that until <see cref="Release"/>: what the test does meanwhile (restart the
/// silo) happens in the middle of the drive, not after a fast drive has already finished.
/// </summary>
public sealed class RegistrationBarrier(long count) : ILoadProgress
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Reached => _reached.Task;

    public void Release() => _released.TrySetResult();

    public void Report(string phase, long done, long total, long calls)
    {
        if (phase == "register" && done >= count)
        {
            _reached.TrySetResult();
            _released.Task.Wait(TimeSpan.FromMinutes(2));
        }
    }
}
