using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Orleans.Governance.Api.Cases;

/// <summary>A case's version is the length of its trail, sent as a strong ETag ("7") and expected back in If-Match.</summary>
public static class CaseVersion
{
    public static void Set(HttpContext http, int version) => http.Response.Headers.ETag = $"\"{version}\"";

    public static bool TryParse(string ifMatch, out int version)
    {
        var tag = ifMatch.Trim();
        version = 0;
        return tag.Length > 2 && tag[0] == '"' && tag[^1] == '"'
            && int.TryParse(tag.AsSpan(1, tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }
}
