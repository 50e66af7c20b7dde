namespace Orleans.Governance.Silo.Hosting;

/// <summary>
/// Mutual TLS for Orleans' own connections (silo to silo, client to gateway), section
/// "Governance:Tls". Off until a certificate is set. Every silo and every client presents a
/// certificate issued by the cluster's CA (<see cref="CaPath"/>) and accepts only peers that do;
/// host names are not checked (silos meet at pod addresses), so that CA must issue certificates
/// for this cluster and nothing else. See docs/deployment.md for making them with openssl.
/// </summary>
public sealed class ClusterTlsOptions
{
    public const string Section = GovernanceHostOptions.Section + ":Tls";

    /// <summary>This silo's certificate (PEM, e.g. a Kubernetes TLS Secret's tls.crt), with <see cref="KeyPath"/>.</summary>
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

    /// <summary>Problems with the values, each naming the setting (the files' contents are checked when they are loaded).</summary>
    public IEnumerable<string> Validate()
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
            yield return $"{Section}: set either CertificatePath and KeyPath (PEM) or PfxPath, not {(pem ? "both" : "neither")}";
            yield break;
        }

        if (pem && (string.IsNullOrWhiteSpace(CertificatePath) || string.IsNullOrWhiteSpace(KeyPath)))
        {
            yield return $"{Section}:CertificatePath and {Section}:KeyPath go together, got only {(string.IsNullOrWhiteSpace(KeyPath) ? "CertificatePath" : "KeyPath")}";
        }

        if (string.IsNullOrWhiteSpace(CaPath))
        {
            yield return $"{Section}:CaPath is required with a certificate: peers are accepted only when their certificate chains to that CA";
        }

        foreach (var (name, path) in new[] { ("CertificatePath", CertificatePath), ("KeyPath", KeyPath), ("PfxPath", PfxPath), ("CaPath", CaPath) })
        {
            if (!string.IsNullOrWhiteSpace(path) && !File.Exists(path))
            {
                yield return $"{Section}:{name} '{path}' does not exist";
            }
        }
    }
}
