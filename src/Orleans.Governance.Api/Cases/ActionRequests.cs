using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Api.Cases;

/// <summary>A mediation session, with the stationed departments that joined it (六调联动).</summary>
public sealed record SessionRequest(IReadOnlyList<DepartmentKind>? JointDepartments = null, string? Note = null);

/// <summary>Agreement reached; <see cref="JudicialConfirmation"/> when a court confirmed it (司法确认).</summary>
public sealed record ResolveRequest(bool JudicialConfirmation = false);

/// <summary>Why mediation failed here, or why the case goes up.</summary>
public sealed record ReasonRequest(string Reason);

/// <summary>Where a failed case is referred.</summary>
public sealed record ReferRequest(ReferralTarget Target, string? Reason = null);

/// <summary>The party's satisfaction at the follow-up call (回访), 1 to 5.</summary>
public sealed record FollowUpRequest(int Satisfaction);
