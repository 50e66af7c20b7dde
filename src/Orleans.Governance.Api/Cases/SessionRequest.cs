using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Api.Cases;

/// <summary>A mediation session, with the stationed departments that joined it (六调联动).</summary>
public sealed record SessionRequest(IReadOnlyList<DepartmentKind>? JointDepartments = null, string? Note = null);
