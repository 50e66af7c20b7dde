namespace Orleans.Governance.Benchmarks;

/// <summary>Counts every grain call the silo receives (storage grains included), to report calls per lifecycle.</summary>
public sealed class CallCounter : IIncomingGrainCallFilter
{
    private long _calls;

    public long Calls => Interlocked.Read(ref _calls);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        Interlocked.Increment(ref _calls);
        return context.Invoke();
    }
}
