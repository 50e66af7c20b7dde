namespace Orleans.Governance.Simulation.Engine;

/// <summary>What the engine drives: the model dispatches its own events and hears when the host has settled after each.</summary>
public interface ISimulationModel
{
    /// <summary>Runs one calendar entry (never a timer: the engine fires those itself).</summary>
    Task DispatchAsync(CalendarEntry entry);

    /// <summary>The host has settled after an event: read what the cases and units did and book what follows.</summary>
    void Settled();

    /// <summary>Called every so many events, for progress reporting.</summary>
    void Progress(SimulationEngine engine);
}
