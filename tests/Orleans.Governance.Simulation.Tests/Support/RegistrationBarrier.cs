using Orleans.Governance.Simulation.Load;

namespace Orleans.Governance.Simulation.Tests.Support;

/// <summary>Completes once a load drive has registered <paramref name="count"/> disputes: an explicit barrier, no polling.</summary>
public sealed class RegistrationBarrier(long count) : ILoadProgress
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Reached => _reached.Task;

    public void Report(string phase, long done, long total, long calls)
    {
        if (phase == "register" && done >= count)
        {
            _reached.TrySetResult();
        }
    }
}
