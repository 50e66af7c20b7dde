using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Abstractions;

/// <summary>
/// A case a third-party system filed through Open311: enough to list its requests without reading
/// every case, and the coordinates it sent (the case itself keeps no coordinates). No personal data.
/// </summary>
[GenerateSerializer, Immutable, Alias("gov.open311-filing")]
public sealed record Open311Filing(
    [property: Id(0)] string CaseNumber,
    [property: Id(1)] DateTimeOffset FiledAt,
    [property: Id(2)] CaseType Type,
    [property: Id(3)] string AddressId,
    [property: Id(4)] double? Lat,
    [property: Id(5)] double? Long);
