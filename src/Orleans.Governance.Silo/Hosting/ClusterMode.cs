namespace Orleans.Governance.Silo.Hosting;

/// <summary>Where the cluster keeps its membership, state and reminders.</summary>
public enum ClusterMode
{
    /// <summary>One local silo, state in memory: for a newcomer, the simulator and tests.</summary>
    Embedded,

    /// <summary>Several silos on PostgreSQL (Orleans' ADO.NET clustering and reminders, grain state as <see cref="GovernanceHostOptions.StateStore"/> says): deployments.</summary>
    PostgreSql,
}
