namespace Orleans.Governance.Simulation.Engine;

/// <summary>Where virtual timers put their wake-ups: the simulation engine's event calendar.</summary>
public interface IVirtualScheduler
{
    /// <summary>Wakes <paramref name="timer"/> at <paramref name="dueTicks"/> unless it is changed (generation) before.</summary>
    void ScheduleTimer(VirtualTimer timer, long dueTicks, int generation);
}
