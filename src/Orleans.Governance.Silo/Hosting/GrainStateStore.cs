namespace Orleans.Governance.Silo.Hosting;

/// <summary>Which provider keeps grain state on PostgreSQL (membership and reminders always use Orleans' ADO.NET providers).</summary>
public enum GrainStateStore
{
    /// <summary>Our group-commit store: the writes of many grains in one statement (default; see docs/postgresql.md).</summary>
    GroupCommit,

    /// <summary>Orleans' ADO.NET provider: one statement per grain write, on the same schema's query catalogue.</summary>
    AdoNet,
}
