namespace Orleans.Governance.Domain.Desk;

/// <summary>The lists a unit's desk can answer with the cases on them.</summary>
public enum Worklist
{
    /// <summary>Triaged, waiting for a free mediator (待分派).</summary>
    Queue,

    /// <summary>Held by one of the unit's mediators: assigned, signed or in mediation (在办).</summary>
    Assigned,

    /// <summary>Past their deadline here and still open (超期督办).</summary>
    Overdue,

    /// <summary>Warned for staying unsigned (未签收预警), still open.</summary>
    Warned,

    /// <summary>One mediator's own tasks.</summary>
    MediatorTasks,
}
