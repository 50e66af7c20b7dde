namespace Orleans.Governance.Cluster;

/// <summary>
/// Mutual TLS for Orleans' own connections (silo to silo, client to gateway): the silo's section
/// "Governance:Tls", and the load client's <c>--tls-*</c> options. Off until a certificate is set.
/// Every silo and every client presents a certificate issued by the cluster's CA
/// (<see cref="CaPath"/>) and accepts only peers that do; host names are not checked (silos meet at
/// pod addresses), so that CA must issue certificates for this cluster and nothing else. See
/// docs/deployment.md for making them with openssl.
/// </summary>
public sealed class ClusterTlsOptions
{
    /// <summary>The silo's configuration section (under its "Governance" section).</summary>
    public const string Section = "Governance:Tls";

    /// <summary>This silo's or client's certificate (PEM, e.g. a Kubernetes TLS Secret's tls.crt), with <see cref="KeyPath"/>.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The private key of <see cref="CertificatePath"/> (PEM, unencrypted: tls.key).</summary>
    public string? KeyPath { get; set; }

    /// <summary>Instead of the PEM pair: a PKCS#12 (.pfx) file holding certificate and key.</summary>
    public string? PfxPath { get; set; }

    /// <summary>The password of <see cref="PfxPath"/>, if it has one.</summary>
    public string? PfxPassword { get; set; }

    /// <summary>The CA certificate(s) the cluster trusts (PEM: ca.crt): a peer's certificate must chain to one of them.</summary>
    public string? CaPath { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath) || !string.IsNullOrWhiteSpace(PfxPath);

    /// <summary>Problems with the values, each naming the setting as <paramref name="names"/> call it (the files' contents are checked when they are loaded).</summary>
    public IEnumerable<string> Validate(ClusterTlsNames names)
    {
        var anySet = new[] { CertificatePath, KeyPath, PfxPath, CaPath }.Any(value => !string.IsNullOrWhiteSpace(value));
        if (!anySet)
        {
            yield break;
        }

        var pem = !string.IsNullOrWhiteSpace(CertificatePath) || !string.IsNullOrWhiteSpace(KeyPath);
        var pfx = !string.IsNullOrWhiteSpace(PfxPath);
        if (pem == pfx)
        {
            yield return $"set either {names.Certificate} and {names.Key} (PEM) or {names.Pfx}, not {(pem ? "both" : "neither")}";
            yield break;
        }

        if (pem && (string.IsNullOrWhiteSpace(CertificatePath) || string.IsNullOrWhiteSpace(KeyPath)))
        {
            yield return $"{names.Certificate} and {names.Key} go together, got only {(string.IsNullOrWhiteSpace(KeyPath) ? names.Certificate : names.Key)}";
        }

        if (string.IsNullOrWhiteSpace(CaPath))
        {
            yield return $"{names.Ca} is required with a certificate: peers are accepted only when their certificate chains to that CA";
        }

        foreach (var (name, path) in new[] { (names.Certificate, CertificatePath), (names.Key, KeyPath), (names.Pfx, PfxPath), (names.Ca, CaPath) })
        {
            if (!string.IsNullOrWhiteSpace(path) && !File.Exists(path))
            {
                yield return $"{name} '{path}' does not exist";
            }
        }
    }
}
