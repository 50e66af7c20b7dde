namespace Orleans.Governance.Simulation.Engine;

/// <summary>
/// A timer on virtual time: <see cref="Change"/> books a wake-up in the engine's calendar, in
/// place of the earlier one; stopping or <see cref="Dispose"/> takes it out. Each change bumps the
/// generation, which voids a wake-up already taken from the calendar but not yet fired.
/// </summary>
public sealed class VirtualTimer(VirtualTimeProvider clock, TimerCallback callback, object? state) : ITimer
{
    private readonly Lock _lock = new();
    private int _generation;
    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private bool _disposed;

    /// <summary>The calendar holding the timer's wake-up (a clock's timers outlive one replication's engine), and where in it; kept by the calendar.</summary>
    internal Calendar? BookedIn { get; set; }

    /// <inheritdoc cref="BookedIn"/>
    internal int Slot { get; set; }

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
            else
            {
                clock.Scheduler?.CancelTimer(this);
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
            clock.Scheduler?.CancelTimer(this);
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
