using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Engine;

namespace Orleans.Governance.Simulation.Model;

/// <summary>
/// The engine's own record of one simulated case: where it is and what it waits for, from the
/// grains' notices. Only the model changes it, through the moves below; the statistics read it as
/// an <see cref="IReadOnlyCaseTrack"/>. A case from an intake log carries the log's handling time
/// (in ticks) and outcome of its first mediation.
/// </summary>
public sealed class CaseTrack(string id, CaseType type, RandomStream random, long registeredAt, bool counted, long? observedHandlingTicks, bool? observedResolved)
    : IReadOnlyCaseTrack
{
    private long? _observedHandlingTicks = observedHandlingTicks;
    private bool? _observedResolved = observedResolved;

    public string Id { get; } = id;

    public CaseType Type { get; } = type;

    /// <summary>This case's own stream: handling times, outcomes, satisfaction.</summary>
    public RandomStream Random { get; } = random;

    public long RegisteredAt { get; } = registeredAt;

    public bool Counted { get; } = counted;

    public UnitRef? Unit { get; private set; }

    public string? Mediator { get; private set; }

    public long AdmittedAt { get; private set; }

    public long AssignedAt { get; private set; }

    public bool Queued { get; private set; }

    public bool QueuedAtAdmission { get; private set; }

    public bool HadOverdue { get; private set; }

    public string? Staff { get; private set; }

    public bool Referred { get; private set; }

    public bool Closed { get; private set; }

    /// <summary>Admitted at <paramref name="unit"/>: with <paramref name="mediator"/>, or queued when it is null. Returns where it stood until now, if anywhere.</summary>
    public CasePlacement? MoveTo(UnitRef unit, string? mediator, long now)
    {
        CasePlacement? left = Unit is { } previous ? new CasePlacement(previous, AdmittedAt, Queued, Mediator) : null;
        Unit = unit;
        AdmittedAt = now;
        QueuedAtAdmission = mediator is null;
        Queued = mediator is null;
        Mediator = null;
        if (mediator is not null)
        {
            Hold(mediator, now);
        }

        return left;
    }

    /// <summary>Assigned from the queue to <paramref name="mediator"/>; returns whether it was waiting in the queue.</summary>
    public bool AssignFromQueue(string mediator, long now)
    {
        var wasQueued = Queued;
        Queued = false;
        Hold(mediator, now);
        return wasQueued;
    }

    /// <summary>The mediation ended (agreement or failure): the mediator is free, and as its staff closes and follows it up.</summary>
    public void Release()
    {
        Staff = Mediator;
        Mediator = null;
    }

    public void Refer() => Referred = true;

    public void Close() => Closed = true;

    /// <summary>Supervised as overdue: it no longer closes within its deadline.</summary>
    public void MarkOverdue() => HadOverdue = true;

    /// <summary>The intake log's handling time of the first mediation, taken once: later mediations draw theirs.</summary>
    public long? TakeObservedHandlingTicks()
    {
        var ticks = _observedHandlingTicks;
        _observedHandlingTicks = null;
        return ticks;
    }

    /// <summary>The intake log's outcome of the first mediation, taken once: later mediations draw theirs.</summary>
    public bool? TakeObservedResolved()
    {
        var resolved = _observedResolved;
        _observedResolved = null;
        return resolved;
    }

    private void Hold(string mediator, long now)
    {
        Mediator = mediator;
        AssignedAt = now;
    }
}
