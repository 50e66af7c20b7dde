using Orleans.Governance.Domain.Cases;
namespace Orleans.Governance.Abstractions;

/// <summary>What an idempotent intake did: created the case, found the one it created before, or refused a reused key.</summary>
[GenerateSerializer, Immutable, Alias("gov.intake-outcome")]
public sealed record IntakeOutcome(
    [property: Id(0)] CaseReceipt? Receipt,
    [property: Id(1)] bool Created,
    [property: Id(2)] bool KeyReused);
