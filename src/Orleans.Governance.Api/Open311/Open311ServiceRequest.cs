using System.Globalization;
using System.Text.Json.Serialization;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Api.Jurisdiction;
using Orleans.Governance.Api.Public;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Api.Open311;

/// <summary>
/// A case as a GeoReport v2 service request. Deliberately without <c>description</c>: the free text
/// a party or clerk wrote may hold names, phone numbers and addresses (personal data under PIPL),
/// so it is never echoed; nor are the parties. Absent values are omitted.
/// </summary>
public sealed record Open311ServiceRequest(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("status_notes")] string StatusNotes,
    [property: JsonPropertyName("service_name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ServiceName,
    [property: JsonPropertyName("service_code"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ServiceCode,
    [property: JsonPropertyName("agency_responsible"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AgencyResponsible,
    [property: JsonPropertyName("service_notice")] string ServiceNotice,
    [property: JsonPropertyName("requested_datetime"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? RequestedDatetime,
    [property: JsonPropertyName("updated_datetime"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? UpdatedDatetime,
    [property: JsonPropertyName("expected_datetime"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ExpectedDatetime,
    [property: JsonPropertyName("address_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AddressId,
    [property: JsonPropertyName("lat"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Lat,
    [property: JsonPropertyName("long"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Long)
{
    public const string Open = "open";
    public const string Closed = "closed";

    /// <summary>
    /// The request view of a case. Coordinates come from <paramref name="filing"/>, which the caller
    /// passes only for its own system's filings (it sent them).
    /// </summary>
    public static Open311ServiceRequest Of(CaseFile file, Open311Filing? filing, CityDirectory directory)
    {
        var type = file.Intake?.Type;
        var service = type is { } t ? Open311Services.Of(t) : null;
        var agency = file.UnitId is { } unitId ? directory.Find(unitId)?.Name : null;
        var closeBy = CaseDeadlines.From(file.Trail, directory.Policy).CloseBy;
        return new Open311ServiceRequest(
            file.CaseId,
            file.IsActive ? Open : Closed,
            StatusTexts.Chinese(file.Status),
            service?.ServiceName,
            service?.ServiceCode,
            agency,
            Notice(file, agency, closeBy),
            Local(file.RegisteredAt),
            Local(file.Trail.Count > 0 ? file.Trail[^1].At : null),
            Local(closeBy),
            file.Intake?.Unit.Id,
            filing?.Lat,
            filing?.Long);
    }

    /// <summary>What happens next, in Simplified Chinese.</summary>
    public static string Notice(CaseFile file, string? agency, DateTimeOffset? closeBy)
    {
        if (!file.IsActive)
        {
            return $"案件编号 {file.CaseId}：{StatusTexts.Chinese(file.Status)}，不再办理。";
        }

        var by = agency is null ? "" : $"由{agency}办理，";
        var deadline = closeBy is { } at
            ? string.Create(CultureInfo.InvariantCulture, $"办理时限至 {at.ToOffset(CentreDays.Offset):yyyy年M月d日 HH:mm}（北京时间），")
            : "";
        return $"案件编号 {file.CaseId}，{by}{deadline}可凭案件编号查询办理进度。";
    }

    /// <summary>China Standard Time, to the second (GeoReport v2 datetimes are ISO 8601 with an offset).</summary>
    private static DateTimeOffset? Local(DateTimeOffset? at) =>
        at is { } value ? new DateTimeOffset(value.UtcTicks - value.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero).ToOffset(CentreDays.Offset) : null;
}
