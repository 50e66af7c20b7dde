using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.FileProviders;

namespace Orleans.Governance.Api.Page;

/// <summary>
/// The leaders' page at <c>/</c>: a static single-page app (Page/app, bundled by npm and embedded
/// in this assembly by the project file) that reads everything through the API with the user's
/// bearer token. The page itself is public: it holds no data, and the API decides what each user sees.
/// </summary>
public static class LeadersPage
{
    /// <summary>Where the page's script and style sheet are served.</summary>
    public const string AssetsPath = "/page";

    /// <summary>
    /// Only this origin's own script, styles and API; no inline script or style, no framing, and the
    /// sign-in form may not be submitted anywhere (the script reads it).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static readonly EmbeddedFileProvider s_files = new(typeof(LeadersPage).Assembly, "LeadersPage");

    /// <summary>Serves the bundle's script and style sheet under <see cref="AssetsPath"/>; call before the endpoints.</summary>
    public static WebApplication UseLeadersPageAssets(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = s_files,
            RequestPath = AssetsPath,
            OnPrepareResponse = context => AddHeaders(context.Context.Response),
        });
        return app;
    }

    /// <summary>Maps <c>/</c> to the page; outside the OpenAPI document, which describes the API only.</summary>
    public static IEndpointRouteBuilder MapLeadersPage(this IEndpointRouteBuilder app)
    {
        var index = ReadIndex();
        app.MapGet("/", (HttpContext http) =>
        {
            AddHeaders(http.Response);
            http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            http.Response.Headers.XFrameOptions = "DENY";
            return TypedResults.Bytes(index, "text/html; charset=utf-8");
        }).WithName("LeadersPage").ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    private static byte[] ReadIndex()
    {
        var file = s_files.GetFileInfo("index.html");
        if (!file.Exists)
        {
            throw new InvalidOperationException("The leaders' page is not embedded in Orleans.Governance.Api: its build (npm, see the project file) did not run.");
        }

        using var stream = file.CreateReadStream();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>Always revalidated, so that a new build is picked up at once; never sniffed into another type.</summary>
    private static void AddHeaders(HttpResponse response)
    {
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
