namespace Orleans.Governance.Simulation.Hosts;

/// <summary>Which host runs the kernel's cases and units in a simulation (<c>--engine</c>).</summary>
public enum HostKind
{
    /// <summary>The handlers run directly on one thread per replication, replications in parallel: for planners.</summary>
    Kernel,

    /// <summary>The production grains on an embedded silo, replications one after another: the digital twin.</summary>
    Grains,
}
