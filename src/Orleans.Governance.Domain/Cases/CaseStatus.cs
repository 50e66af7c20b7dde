namespace Orleans.Governance.Domain.Cases;

/// <summary>Where a case stands in its closed loop (登记 → 流转 → 受理 → 办理 → 回访).</summary>
public enum CaseStatus
{
    /// <summary>Not yet registered (the state of a case grain nobody has used).</summary>
    New = 0,

    /// <summary>登记: registered at a unit, waiting for triage.</summary>
    Registered = 1,

    /// <summary>三定 done: waiting in the unit's queue for a mediator.</summary>
    Triaged = 2,

    /// <summary>分派: given to a mediator who has not signed for it yet.</summary>
    Assigned = 3,

    /// <summary>签收: the mediator signed for it.</summary>
    Accepted = 4,

    /// <summary>调处: at least one mediation session held.</summary>
    InMediation = 5,

    /// <summary>Agreement reached (调解协议).</summary>
    Resolved = 6,

    /// <summary>Mediation failed here; to be escalated or referred.</summary>
    Failed = 7,

    /// <summary>Referred to arbitration or litigation.</summary>
    Referred = 8,

    /// <summary>办结.</summary>
    Closed = 9,

    /// <summary>回访 done, satisfaction recorded.</summary>
    FollowedUp = 10,
}
