using System.Net;
using Orleans.Governance.Cluster;

namespace Orleans.Governance.Simulation.Load;

/// <summary>What <c>load</c> does: where the cluster is, how many disputes it opens, how hard and how long it drives.</summary>
public sealed record LoadSettings
{
    /// <summary>A silo's gateway, used when <see cref="Postgres"/> is null.</summary>
    public IPEndPoint Gateway { get; init; } = new(IPAddress.Loopback, 30000);

    /// <summary>Npgsql connection string of the cluster's ADO.NET membership table, or null for <see cref="Gateway"/>.</summary>
    public string? Postgres { get; init; }

    /// <summary>The cluster's ids; the defaults are the silo's (Governance:ClusterId, Governance:ServiceId).</summary>
    public ClusterIdentity Cluster { get; init; } = new();

    /// <summary>This client's certificate of the cluster and the cluster's CA, for a cluster that runs Governance:Tls; null: plain TCP.</summary>
    public ClusterCredentials? Tls { get; init; }

    /// <summary>Disputes registered and kept open.</summary>
    public int Open { get; init; } = 50_000;

    /// <summary>Share of each grid's disputes whose lifecycle is completed afterwards (signed, mediated, resolved, closed), in queue order.</summary>
    public double Complete { get; init; }

    /// <summary>Calls in flight at once.</summary>
    public int Concurrency { get; init; } = 256;

    /// <summary>Wall-time bound of the whole drive: no new call starts after it.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Prefix of the case ids, so that runs against one cluster do not collide (a repeated prefix re-sends the same registrations, answered as before).</summary>
    public required string RunId { get; init; }

    /// <summary>Seed of the generated parties.</summary>
    public long Seed { get; init; } = 1;
}
