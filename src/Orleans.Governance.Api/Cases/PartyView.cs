using Orleans.Governance.Api.Jurisdiction;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Api.Cases;

/// <summary>A party, masked (张** / 138****5678) unless the reader handles the case.</summary>
public sealed record PartyView(string Name, string Phone, string IdNumber);
