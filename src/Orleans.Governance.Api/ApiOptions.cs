namespace Orleans.Governance.Api;

/// <summary>The front door's settings (section "Governance:Api").</summary>
public sealed class ApiOptions
{
    public const string Section = "Governance:Api";

    /// <summary>The city's OpenID Connect authority (https); its signing keys verify the tokens. Empty: the development signing key.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience the tokens must be issued for.</summary>
    public string Audience { get; set; } = "orleans-governance";

    /// <summary>
    /// HMAC key (at least 32 characters) for tokens minted by <c>mint-token</c>; used only when no
    /// <see cref="Authority"/> is set, and refused when the API listens beyond loopback.
    /// </summary>
    public string? DevelopmentSigningKey { get; set; }

    /// <summary>Open311 API keys, each with the name of the system it was given to.</summary>
    public Dictionary<string, string> Open311Keys { get; set; } = [];

    /// <summary>Requests per minute per client address on the public status lookup.</summary>
    public int PublicRequestsPerMinute { get; set; } = 120;

    /// <summary>Requests per minute per API key on the Open311 façade.</summary>
    public int Open311RequestsPerMinute { get; set; } = 600;

    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    public const string DevelopmentIssuer = "orleans-governance-development";

    public bool UsesDevelopmentKey => string.IsNullOrWhiteSpace(Authority);

    /// <summary>Do the listening addresses (ASP.NET Core's <c>Urls</c>, ';'-separated; default localhost) stay on this machine?</summary>
    public static bool IsLoopbackOnly(string? urls) =>
        string.IsNullOrWhiteSpace(urls) || urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(url =>
            Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.IsLoopback || uri.Host == "localhost"));

    /// <summary>Problems with the values, each naming the setting; empty when the API can start.</summary>
    /// <param name="loopbackOnly">The HTTP endpoint listens only on loopback, where a development key reaches nobody else.</param>
    public IEnumerable<string> Validate(bool loopbackOnly)
    {
        if (!UsesDevelopmentKey)
        {
            if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
            {
                yield return $"{Section}:Authority must be an absolute https URL, got '{Authority}'";
            }
        }
        else if (!loopbackOnly)
        {
            yield return $"{Section}:Authority is required when the API listens beyond loopback (Urls): the development signing key is public";
        }
        else if (DevelopmentSigningKey is not { Length: >= 32 })
        {
            yield return $"{Section}:DevelopmentSigningKey must have at least 32 characters when no {Section}:Authority is set";
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            yield return $"{Section}:Audience must not be empty";
        }

        if (PublicRequestsPerMinute < 1 || Open311RequestsPerMinute < 1)
        {
            yield return $"{Section}:PublicRequestsPerMinute and {Section}:Open311RequestsPerMinute must be at least 1";
        }

        if (MaxRequestBodyBytes is < 1024 or > 16 * 1024 * 1024)
        {
            yield return $"{Section}:MaxRequestBodyBytes must be between 1024 and 16777216, got {MaxRequestBodyBytes}";
        }

        foreach (var (key, name) in Open311Keys)
        {
            if (key.Length < 16 || string.IsNullOrWhiteSpace(name))
            {
                yield return $"{Section}:Open311Keys: every key needs at least 16 characters and the name of its system";
            }
        }
    }
}
