using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Api.Cases;

/// <summary>Why mediation failed here, or why the case goes up.</summary>
public sealed record ReasonRequest(string Reason);
