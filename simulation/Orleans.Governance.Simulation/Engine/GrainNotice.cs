using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Simulation.Engine;

/// <summary>One observation of the production grains at work, taken by <see cref="CallTracker"/>; never personal data.</summary>
public readonly record struct GrainNotice(NoticeKind Kind, string CaseId, UnitRef Unit, string? MediatorId, DeadlineKind Alarm);
