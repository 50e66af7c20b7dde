using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Domain.Desk;

/// <summary>A case tells the unit holding it what just happened to it.</summary>
[GenerateSerializer, Immutable, Alias("gov.case-change")]
public sealed record CaseChange(
    [property: Id(0)] string CaseId,
    [property: Id(1)] CaseAction Action,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] int? Satisfaction = null);
