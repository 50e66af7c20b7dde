using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Governance.Api.Errors;

namespace Orleans.Governance.Api.Open311;

/// <summary>
/// A GeoReport v2 POST as sent: form-urlencoded per the spec, or a JSON object with the same
/// names. Fields we do not use (address_string, device_id, account_id, media_url, attribute[…])
/// are ignored; email is accepted and never stored (a party has no email in our model).
/// </summary>
public sealed record Open311Submission(
    [property: JsonPropertyName("api_key")] string? ApiKey,
    [property: JsonPropertyName("service_code")] string? ServiceCode,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("address_id")] string? AddressId,
    [property: JsonPropertyName("lat")] string? Lat,
    [property: JsonPropertyName("long")] string? Long,
    [property: JsonPropertyName("first_name")] string? FirstName,
    [property: JsonPropertyName("last_name")] string? LastName,
    [property: JsonPropertyName("phone")] string? Phone,
    [property: JsonPropertyName("email")] string? Email)
{
    /// <summary>Reads the body; the api_key may also come on the query string.</summary>
    public static async Task<(Open311Submission? Submission, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request)
    {
        Dictionary<string, string?> fields;
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
                fields = form.ToDictionary(f => f.Key, f => (string?)f.Value.ToString(), StringComparer.Ordinal);
            }
            else if (request.HasJsonContentType())
            {
                using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
                if (json.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return (null, Problems.Field(StatusCodes.Status400BadRequest, "Malformed request", "body", "The JSON body must be an object of GeoReport v2 fields."));
                }

                fields = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var property in json.RootElement.EnumerateObject())
                {
                    fields[property.Name] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Number => property.Value.GetRawText(),
                        JsonValueKind.Null => null,
                        _ => throw new JsonException($"'{property.Name}' must be a string or a number."),
                    };
                }
            }
            else
            {
                return (null, Problems.Field(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Content-Type",
                    "Send the request as application/x-www-form-urlencoded (GeoReport v2) or application/json."));
            }
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or BadHttpRequestException)
        {
            return (null, Problems.Field(StatusCodes.Status400BadRequest, "Malformed request", "body", $"The body could not be read: {e.Message}"));
        }

        string? Get(string name) => fields.GetValueOrDefault(name) is { Length: > 0 } value ? value.Trim() : null;
        var apiKey = Get("api_key") ?? (request.Query["api_key"].ToString() is { Length: > 0 } query ? query : null);
        return (new Open311Submission(apiKey, Get("service_code"), Get("description"), Get("address_id"), Get("lat"), Get("long"),
            Get("first_name"), Get("last_name"), Get("phone"), Get("email")), null);
    }
}
