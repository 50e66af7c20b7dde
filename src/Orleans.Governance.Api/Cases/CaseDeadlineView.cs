using Orleans.Governance.Api.Jurisdiction;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Api.Cases;

/// <summary>The case's deadlines at its current level (null when none runs).</summary>
public sealed record CaseDeadlineView(DateTimeOffset? SignBy, DateTimeOffset? CloseBy, DateTimeOffset? EscalateBy);
