namespace Orleans.Governance.Domain.Desk;

/// <summary>A queued case the desk just gave to a freed mediator; the unit tells the case.</summary>
public readonly record struct QueuedAssignment(string CaseId, string MediatorId);
