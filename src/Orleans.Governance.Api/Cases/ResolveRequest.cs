using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Api.Cases;

/// <summary>Agreement reached; <see cref="JudicialConfirmation"/> when a court confirmed it (司法确认).</summary>
public sealed record ResolveRequest(bool JudicialConfirmation = false);
