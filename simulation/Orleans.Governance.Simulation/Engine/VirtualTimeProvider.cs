namespace Orleans.Governance.Simulation.Engine;

/// <summary>
/// The grains' clock in a simulation: <see cref="GetUtcNow"/> is the engine's virtual time and
/// every timer (the units' deadline watches are grain timers on this provider) becomes an entry
/// of the engine's calendar instead of a wall-clock wait.
/// </summary>
public sealed class VirtualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;
    private IVirtualScheduler? _scheduler;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public long UtcTicks => Volatile.Read(ref _utcTicks);

    public override DateTimeOffset GetUtcNow() => new(UtcTicks, TimeSpan.Zero);

    public override long GetTimestamp() => UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Routes the timers to <paramref name="scheduler"/> (one engine per replication).</summary>
    public void Attach(IVirtualScheduler scheduler) => Volatile.Write(ref _scheduler, scheduler);

    internal IVirtualScheduler? Scheduler => Volatile.Read(ref _scheduler);

    /// <summary>Moves the clock forward; virtual time never goes back.</summary>
    public void AdvanceTo(long utcTicks)
    {
        if (utcTicks < UtcTicks)
        {
            throw new InvalidOperationException($"Virtual time cannot go back from {GetUtcNow():O} to {new DateTimeOffset(utcTicks, TimeSpan.Zero):O}.");
        }

        Volatile.Write(ref _utcTicks, utcTicks);
    }
}
