namespace Orleans.Governance.Domain.Cases;

/// <summary>
/// The part of a case a unit needs to triage and queue it: no personal data crosses.
/// <see cref="ReceivedBy"/> is the unit that registered it, where early warning counts it.
/// </summary>
[GenerateSerializer, Immutable, Alias("gov.case-facts")]
public sealed record CaseFacts(
    [property: Id(0)] string CaseId,
    [property: Id(1)] CaseType Type,
    [property: Id(2)] IntakeChannel Channel,
    [property: Id(3)] bool HighRisk,
    [property: Id(4)] bool LongStanding,
    [property: Id(5)] long AmountYuan,
    [property: Id(6)] int PartyCount,
    [property: Id(7)] DateTimeOffset RegisteredAt,
    [property: Id(8)] string? ReceivedBy = null);
