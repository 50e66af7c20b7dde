using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Simulation.Model;

/// <summary>A case's track as those who only observe it (the statistics) see it: nothing to change it with.</summary>
public interface IReadOnlyCaseTrack
{
    /// <summary>The unit that admitted it last, or null before its first admission.</summary>
    UnitRef? Unit { get; }

    /// <summary>The mediator holding the case, or null while it waits in a queue (or is done with its level).</summary>
    string? Mediator { get; }

    /// <summary>Who resolved or referred it, and so closes it and follows it up.</summary>
    string? Staff { get; }

    string Id { get; }

    CaseType Type { get; }

    long RegisteredAt { get; }

    /// <summary>Registered after the warm-up: its figures count.</summary>
    bool Counted { get; }

    long AdmittedAt { get; }

    long AssignedAt { get; }

    bool Queued { get; }

    /// <summary>It found no free mediator when admitted at its current level.</summary>
    bool QueuedAtAdmission { get; }

    /// <summary>It was supervised as overdue at some level.</summary>
    bool HadOverdue { get; }

    bool Referred { get; }

    bool Closed { get; }
}
