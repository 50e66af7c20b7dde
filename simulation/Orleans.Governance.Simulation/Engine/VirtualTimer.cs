namespace Orleans.Governance.Simulation.Engine;

/// <summary>
/// A timer on virtual time: <see cref="Change"/> books a wake-up in the engine's calendar; a
/// newer change or <see cref="Dispose"/> bumps the generation, which voids the older booking.
/// </summary>
public sealed class VirtualTimer(VirtualTimeProvider clock, TimerCallback callback, object? state) : ITimer
{
    private readonly Lock _lock = new();
    private int _generation;
    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private bool _disposed;

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return false;
            }

            _generation++;
            _period = period;
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                clock.Scheduler?.ScheduleTimer(this, clock.UtcTicks + Math.Max(0, dueTime.Ticks), _generation);
            }

            return true;
        }
    }

    /// <summary>The booking of <paramref name="generation"/> has not been voided.</summary>
    internal bool IsCurrent(int generation)
    {
        lock (_lock)
        {
            return !_disposed && generation == _generation;
        }
    }

    /// <summary>Runs the callback if the booking is still current; re-books a periodic timer.</summary>
    internal bool Fire(int generation)
    {
        TimeSpan period;
        lock (_lock)
        {
            if (_disposed || generation != _generation)
            {
                return false;
            }

            period = _period;
        }

        if (period != Timeout.InfiniteTimeSpan && period > TimeSpan.Zero)
        {
            Change(period, period);
        }

        callback(state);
        return true;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _generation++;
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
