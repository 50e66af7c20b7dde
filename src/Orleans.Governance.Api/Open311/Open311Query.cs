using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Orleans.Governance.Api.Errors;
using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Api.Open311;

/// <summary>The GeoReport v2 query of <c>GET requests</c>; every value is checked here so that a refusal names its parameter.</summary>
public sealed record Open311Query(
    [property: FromQuery(Name = "api_key")] string? ApiKey,
    [property: FromQuery(Name = "service_request_id")] string? ServiceRequestId,
    [property: FromQuery(Name = "service_code")] string? ServiceCode,
    [property: FromQuery(Name = "start_date")] string? StartDate,
    [property: FromQuery(Name = "end_date")] string? EndDate,
    [property: FromQuery(Name = "status")] string? Status)
{
    /// <summary>The first bad parameter, or null.</summary>
    public ProblemHttpResult? Problem(DateTimeOffset now)
    {
        if (StartDate is { Length: > 0 } && Parse(StartDate) is null)
        {
            return Bad("start_date", "start_date must be an ISO 8601 date-time, e.g. 2026-01-01T00:00:00+08:00.");
        }

        if (EndDate is { Length: > 0 } && Parse(EndDate) is null)
        {
            return Bad("end_date", "end_date must be an ISO 8601 date-time, e.g. 2026-01-31T23:59:59+08:00.");
        }

        var (from, to) = Range(now);
        if (from > to)
        {
            return Bad("start_date", "start_date must not be after end_date.");
        }

        if (to - from > TimeSpan.FromDays(Open311Api.MaxDays))
        {
            return Bad("start_date", $"The range from start_date to end_date may span at most {Open311Api.MaxDays} days.");
        }

        foreach (var code in Split(ServiceCode))
        {
            if (!Open311Services.TryParse(code, out _))
            {
                return Bad("service_code", $"service_code '{code}' is not a service of services.json.");
            }
        }

        foreach (var status in Split(Status))
        {
            if (status is not (Open311ServiceRequest.Open or Open311ServiceRequest.Closed))
            {
                return Bad("status", "status must be open or closed (comma-separated for both).");
            }
        }

        return null;
    }

    /// <summary>The date range asked for: by default the last <see cref="Open311Api.DefaultDays"/> days up to now.</summary>
    public (DateTimeOffset From, DateTimeOffset To) Range(DateTimeOffset now)
    {
        var to = Parse(EndDate) ?? now;
        var from = Parse(StartDate) ?? (Parse(EndDate) is null ? now : to) - TimeSpan.FromDays(Open311Api.DefaultDays);
        return (from, to);
    }

    public IReadOnlySet<CaseType> ServiceCodes() =>
        Split(ServiceCode).Select(code => Open311Services.TryParse(code, out var type) ? type : (CaseType?)null).OfType<CaseType>().ToHashSet();

    public IReadOnlySet<string> Statuses() => Split(Status).ToHashSet(StringComparer.Ordinal);

    private static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static string[] Split(string? list) =>
        list?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static ProblemHttpResult Bad(string field, string detail) =>
        Problems.Field(StatusCodes.Status400BadRequest, $"Bad {field}", field, detail);
}
