using System.Text.Json.Serialization;

namespace Orleans.Governance.Api.Open311;

/// <summary>The answer to a filed request (GeoReport v2 POST): our case number and a notice; no account ids.</summary>
public sealed record Open311Receipt(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("service_notice")] string ServiceNotice,
    [property: JsonPropertyName("account_id")] string? AccountId);
