namespace Orleans.Governance.Abstractions;

/// <summary>What a city load did: how many units it configured and how many were already as defined.</summary>
[GenerateSerializer, Immutable, Alias("gov.city-load-report")]
public sealed record CityLoadReport([property: Id(0)] string CityId, [property: Id(1)] int Units, [property: Id(2)] int Configured, [property: Id(3)] int Unchanged);
