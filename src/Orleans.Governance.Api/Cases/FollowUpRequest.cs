using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Api.Cases;

/// <summary>The party's satisfaction at the follow-up call (回访), 1 to 5.</summary>
public sealed record FollowUpRequest(int Satisfaction);
