using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Api.Cases;

/// <summary>Where a failed case is referred.</summary>
public sealed record ReferRequest(ReferralTarget Target, string? Reason = null);
