using System.Globalization;
using System.Xml.Linq;

namespace Orleans.Governance.Api.Open311;

/// <summary>The GeoReport v2 XML forms: <c>&lt;services&gt;&lt;service&gt;</c> and <c>&lt;service_requests&gt;&lt;request&gt;</c>; absent values are left out.</summary>
public static class Open311Xml
{
    public const string ContentType = "application/xml; charset=utf-8";

    public static string Services(IEnumerable<Open311Service> services) => Write(new XElement("services",
        services.Select(s => new XElement("service",
            Element("service_code", s.ServiceCode),
            Element("service_name", s.ServiceName),
            Element("description", s.Description),
            Element("metadata", s.Metadata ? "true" : "false"),
            Element("type", s.Type),
            Element("keywords", s.Keywords),
            Element("group", s.Group)))));

    public static string Receipts(IEnumerable<Open311Receipt> receipts) => Write(new XElement("service_requests",
        receipts.Select(r => new XElement("request",
            Element("service_request_id", r.ServiceRequestId),
            Element("service_notice", r.ServiceNotice),
            new XElement("account_id", r.AccountId)))));

    public static string Requests(IEnumerable<Open311ServiceRequest> requests) => Write(new XElement("service_requests",
        requests.Select(r => new XElement("request",
            Element("service_request_id", r.ServiceRequestId),
            Element("status", r.Status),
            Element("status_notes", r.StatusNotes),
            Element("service_name", r.ServiceName),
            Element("service_code", r.ServiceCode),
            Element("agency_responsible", r.AgencyResponsible),
            Element("service_notice", r.ServiceNotice),
            Element("requested_datetime", r.RequestedDatetime),
            Element("updated_datetime", r.UpdatedDatetime),
            Element("expected_datetime", r.ExpectedDatetime),
            Element("address_id", r.AddressId),
            Element("lat", r.Lat),
            Element("long", r.Long)))));

    private static XElement? Element(string name, string? value) => value is null ? null : new XElement(name, value);

    private static XElement? Element(string name, DateTimeOffset? value) =>
        value is { } at ? new XElement(name, at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)) : null;

    private static XElement? Element(string name, double? value) =>
        value is { } number ? new XElement(name, number.ToString("R", CultureInfo.InvariantCulture)) : null;

    private static string Write(XElement root) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + root.ToString(SaveOptions.DisableFormatting);
}
