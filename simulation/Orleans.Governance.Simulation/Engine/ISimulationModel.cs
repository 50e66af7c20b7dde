namespace Orleans.Governance.Simulation.Engine;

/// <summary>What the engine drives: the model dispatches its own events and hears when the silo has settled after each.</summary>
public interface ISimulationModel
{
    /// <summary>Runs one calendar entry (never a timer: the engine fires those itself).</summary>
    Task DispatchAsync(CalendarEntry entry);

    /// <summary>The silo has settled after an event: read what the grains did and book what follows.</summary>
    void Settled();

    /// <summary>Called every so many events, for progress reporting.</summary>
    void Progress(SimulationEngine engine);
}
