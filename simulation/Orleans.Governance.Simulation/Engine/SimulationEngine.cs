namespace Orleans.Governance.Simulation.Engine;

/// <summary>
/// The discrete-event loop: pops the calendar in (time, sequence) order, moves the virtual clock
/// to the event, dispatches it and waits until the host has settled (one-way messages run
/// in send order, timer ticks done) before the next one. Time jumps from event to event; no
/// grain is ever ticked for nothing. Sequential on purpose: every cascade runs alone, so the
/// results are the same whatever the thread interleaving.
/// </summary>
public sealed class SimulationEngine : IVirtualScheduler
{
    private readonly Lock _lock = new();
    private readonly Calendar _calendar = new();
    private readonly VirtualTimeProvider _clock;
    private readonly IHostActivity _host;
    private long _sequence;

    public SimulationEngine(VirtualTimeProvider clock, IHostActivity host)
    {
        _clock = clock;
        _host = host;
        clock.Attach(this);
    }

    public long Now => _clock.UtcTicks;

    public long EventsDispatched { get; private set; }

    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _calendar.Count;
            }
        }
    }

    public void Schedule(long time, EventKind kind, object? subject, string? actor = null)
    {
        lock (_lock)
        {
            _calendar.Add(new CalendarEntry(Math.Max(time, Now), _sequence++, kind, subject, actor, 0));
        }
    }

    public void ScheduleTimer(VirtualTimer timer, long dueTicks, int generation)
    {
        lock (_lock)
        {
            _calendar.Book(timer, new CalendarEntry(dueTicks, _sequence++, EventKind.Timer, timer, null, generation));
        }
    }

    public void CancelTimer(VirtualTimer timer)
    {
        lock (_lock)
        {
            _calendar.Cancel(timer);
        }
    }

    /// <summary>Runs every event due up to <paramref name="endTicks"/>.</summary>
    public async Task RunAsync(long endTicks, ISimulationModel model, CancellationToken cancellationToken = default)
    {
        await _host.SettleAsync();
        model.Settled();
        while (TryNext(endTicks, out var entry))
        {
            cancellationToken.ThrowIfCancellationRequested();
            _clock.AdvanceTo(entry.Time);
            if (entry.Kind == EventKind.Timer)
            {
                // The tick is a message to the grain: counted now, done when the grain has run it.
                var timer = (VirtualTimer)entry.Subject!;
                if (!timer.IsCurrent(entry.Generation))
                {
                    continue;
                }

                _host.BeginTick();
                if (!timer.Fire(entry.Generation))
                {
                    _host.EndTick();
                }
            }
            else
            {
                await model.DispatchAsync(entry);
            }

            await _host.SettleAsync();
            model.Settled();
            EventsDispatched++;
            if ((EventsDispatched & 0x3FF) == 0)
            {
                model.Progress(this);
            }
        }

        if (endTicks > Now)
        {
            _clock.AdvanceTo(endTicks);
        }
    }

    private bool TryNext(long endTicks, out CalendarEntry entry)
    {
        lock (_lock)
        {
            if (_calendar.TryPeek(out entry) && entry.Time <= endTicks)
            {
                _calendar.Pop();
                return true;
            }

            return false;
        }
    }
}
