namespace Orleans.Governance.Cluster;

/// <summary>
/// What the TLS settings are called where they were given (the silo's configuration keys, a
/// command's options), so that a problem names the setting to fix in the user's own terms.
/// </summary>
public sealed record ClusterTlsNames(string Certificate, string Key, string Pfx, string PfxPassword, string Ca)
{
    /// <summary>The configuration keys under <see cref="ClusterTlsOptions.Section"/>, as the silo reads them.</summary>
    public static ClusterTlsNames Configuration { get; } = new(
        $"{ClusterTlsOptions.Section}:{nameof(ClusterTlsOptions.CertificatePath)}",
        $"{ClusterTlsOptions.Section}:{nameof(ClusterTlsOptions.KeyPath)}",
        $"{ClusterTlsOptions.Section}:{nameof(ClusterTlsOptions.PfxPath)}",
        $"{ClusterTlsOptions.Section}:{nameof(ClusterTlsOptions.PfxPassword)}",
        $"{ClusterTlsOptions.Section}:{nameof(ClusterTlsOptions.CaPath)}");
}
