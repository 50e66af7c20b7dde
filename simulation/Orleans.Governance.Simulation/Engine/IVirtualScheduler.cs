namespace Orleans.Governance.Simulation.Engine;

/// <summary>Where virtual timers put their wake-ups: the simulation engine's event calendar.</summary>
public interface IVirtualScheduler
{
    /// <summary>Wakes <paramref name="timer"/> at <paramref name="dueTicks"/> unless it is changed (generation) before; replaces its earlier booking.</summary>
    void ScheduleTimer(VirtualTimer timer, long dueTicks, int generation);

    /// <summary>Takes <paramref name="timer"/>'s booked wake-up out of the calendar, if it has one.</summary>
    void CancelTimer(VirtualTimer timer);
}
