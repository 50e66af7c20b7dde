using System.Text.Json.Serialization;

namespace Orleans.Governance.Api.Open311;

/// <summary>A GeoReport v2 service: one of our case types, as <c>services.json</c> lists it.</summary>
public sealed record Open311Service(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("metadata")] bool Metadata,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("keywords")] string Keywords,
    [property: JsonPropertyName("group")] string Group);
