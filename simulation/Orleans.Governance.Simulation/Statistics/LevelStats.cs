namespace Orleans.Governance.Simulation.Statistics;

/// <summary>The observations of one level over a replication: counts, per-case durations (days) and time integrals.</summary>
public sealed class LevelStats(int units, int mediators, long warmUpEnd)
{
    private long _lastChange;

    public int Units { get; } = units;

    public int Mediators { get; } = mediators;

    public int Queued { get; private set; }

    public int Busy { get; private set; }

    /// <summary>Queue length × ticks after the warm-up.</summary>
    public double QueueIntegral { get; private set; }

    /// <summary>Busy mediators × ticks after the warm-up.</summary>
    public double BusyIntegral { get; private set; }

    /// <summary>Busy mediators × ticks since the start, for the daily series.</summary>
    public double RawBusyIntegral { get; private set; }

    public long Admitted { get; set; }

    public long Accepted { get; set; }

    public long Waited { get; set; }

    public long Resolved { get; set; }

    public long Referred { get; set; }

    public long EscalatedOut { get; set; }

    public long Overdue { get; set; }

    public long OverdueSinceStart { get; set; }

    public long UnsignedWarnings { get; set; }

    public Samples WaitDays { get; } = new();

    public Samples ServiceDays { get; } = new();

    public Samples TimeToCloseDays { get; } = new();

    public void ChangeQueue(long now, int delta)
    {
        Touch(now);
        Queued += delta;
    }

    public void ChangeBusy(long now, int delta)
    {
        Touch(now);
        Busy += delta;
    }

    /// <summary>Brings the integrals up to <paramref name="now"/>.</summary>
    public void Touch(long now)
    {
        var from = Math.Max(_lastChange, warmUpEnd);
        var to = Math.Max(now, warmUpEnd);
        if (to > from)
        {
            QueueIntegral += (double)Queued * (to - from);
            BusyIntegral += (double)Busy * (to - from);
        }

        RawBusyIntegral += (double)Busy * (now - _lastChange);
        _lastChange = now;
    }

    public void Start(long now) => _lastChange = now;
}
