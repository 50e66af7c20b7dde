namespace Orleans.Governance.Domain.Warnings;

/// <summary>A subtree's days of activity and the early warnings its units raise on them.</summary>
[GenerateSerializer, Immutable, Alias("gov.daily-rollup")]
public sealed record DailyRollup(
    [property: Id(0)] ActivitySeries Series,
    [property: Id(1)] IReadOnlyList<EarlyWarning> Warnings);
