namespace Orleans.Governance.Simulation.Engine;

/// <summary>What the engine needs of the host between two events: to know a fired wake-up is in flight, and to wait until everything it set off has run.</summary>
public interface IHostActivity
{
    /// <summary>The engine fired a timer: its tick is now in flight.</summary>
    void BeginTick();

    /// <summary>A fired timer turned out to be stale after all: no tick will come.</summary>
    void EndTick();

    /// <summary>Runs (or waits for) every one-way message in flight, one at a time in send order, until nothing is left.</summary>
    Task SettleAsync();
}
