using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Engine;

namespace Orleans.Governance.Simulation.Model;

/// <summary>The engine's own record of one simulated case: where it is and what it waits for, from the grains' notices.</summary>
public sealed class CaseTrack(string id, CaseType type, RandomStream random, long registeredAt, bool counted)
{
    public string Id { get; } = id;

    public CaseType Type { get; } = type;

    /// <summary>This case's own stream: handling times, outcomes, satisfaction.</summary>
    public RandomStream Random { get; } = random;

    public long RegisteredAt { get; } = registeredAt;

    /// <summary>Registered after the warm-up: its figures count.</summary>
    public bool Counted { get; } = counted;

    public UnitRef? Unit { get; set; }

    /// <summary>The mediator holding the case, or null while it waits in a queue (or is done with its level).</summary>
    public string? Mediator { get; set; }

    public long AdmittedAt { get; set; }

    public long AssignedAt { get; set; }

    public bool Queued { get; set; }

    public bool QueuedAtAdmission { get; set; }

    public bool HadOverdue { get; set; }

    /// <summary>Who resolved or referred it, and so closes it and follows it up.</summary>
    public string? Staff { get; set; }

    public bool Referred { get; set; }

    public bool Closed { get; set; }

    /// <summary>The intake log's handling time of the first mediation, in ticks: taken (and cleared) when it starts.</summary>
    public long? ObservedHandlingTicks { get; set; }

    /// <summary>The intake log's outcome of the first mediation: taken (and cleared) when it ends.</summary>
    public bool? ObservedResolved { get; set; }
}
