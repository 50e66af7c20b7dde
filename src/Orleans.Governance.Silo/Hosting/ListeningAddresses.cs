using Orleans.Governance.Api;

namespace Orleans.Governance.Silo.Hosting;

/// <summary>Where Kestrel will listen, read from the configuration the way ASP.NET Core reads it.</summary>
public static class ListeningAddresses
{
    /// <summary>
    /// Does the HTTP endpoint stay on this machine? Kestrel's <c>Endpoints</c> win over <c>Urls</c>
    /// (also ASPNETCORE_URLS), which win over <c>http_ports</c>/<c>https_ports</c>
    /// (ASPNETCORE_HTTP_PORTS, set by the .NET container images: every interface); with none of
    /// them Kestrel listens on localhost:5000.
    /// </summary>
    public static bool LoopbackOnly(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(endpoint => endpoint["Url"]).ToList();
        if (endpoints.Count > 0)
        {
            return endpoints.All(url => !string.IsNullOrWhiteSpace(url) && ApiOptions.IsLoopbackOnly(url));
        }

        if (!string.IsNullOrWhiteSpace(configuration["urls"]))
        {
            return ApiOptions.IsLoopbackOnly(configuration["urls"]);
        }

        return string.IsNullOrWhiteSpace(configuration["http_ports"]) && string.IsNullOrWhiteSpace(configuration["https_ports"]);
    }

    /// <summary>The listening setting in force, for messages.</summary>
    public static string Describe(IConfiguration configuration) =>
        configuration.GetSection("Kestrel:Endpoints").GetChildren().Any()
            ? $"Kestrel:Endpoints {string.Join(' ', configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(endpoint => endpoint["Url"]))}"
            : !string.IsNullOrWhiteSpace(configuration["urls"]) ? $"Urls {configuration["urls"]}"
            : $"http_ports {configuration["http_ports"]} https_ports {configuration["https_ports"]}";
}
