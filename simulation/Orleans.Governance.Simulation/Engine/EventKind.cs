namespace Orleans.Governance.Simulation.Engine;

/// <summary>The kinds of entries in the engine's calendar.</summary>
public enum EventKind
{
    /// <summary>A unit's arrival process may produce a case.</summary>
    Arrival,

    /// <summary>The assigned mediator signs for the case and opens the mediation.</summary>
    Accept,

    /// <summary>The mediation ends: resolved, or failed and passed on.</summary>
    Finish,

    /// <summary>A staff member closes the case (办结).</summary>
    Close,

    /// <summary>The follow-up visit records satisfaction (回访).</summary>
    FollowUp,

    /// <summary>The engine samples the time series.</summary>
    Sample,

    /// <summary>A grain timer on virtual time is due.</summary>
    Timer,

    /// <summary>The next case of the scenario's intake log is received.</summary>
    LoggedArrival,
}
