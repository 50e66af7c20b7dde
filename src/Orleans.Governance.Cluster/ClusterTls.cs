using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace Orleans.Governance.Cluster;

/// <summary>
/// Mutual TLS on Orleans' connections (Microsoft.Orleans.Connections.Security): a silo accepts
/// silos and clients only with a certificate issued by the cluster's CA, and silos and clients
/// connect only to silos that present one. Chains are built against that CA alone (not the
/// machine's trust store), revocation is not checked (a private CA publishes no CRL: rotate the CA
/// to revoke), and host names are not compared (silos reach each other at pod addresses).
/// </summary>
public static class ClusterTls
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    /// <summary>
    /// Reads the certificate, its key and the CA for a silo or a client; throws
    /// <see cref="ClusterTlsException"/> with a sentence naming the setting (as <paramref name="names"/>
    /// call it) when they cannot serve. Call it only when <see cref="ClusterTlsOptions.Validate"/> found nothing.
    /// </summary>
    public static ClusterCredentials Load(ClusterTlsOptions options, ClusterPeer peer, ClusterTlsNames names, TimeProvider time)
    {
        var pfx = !string.IsNullOrWhiteSpace(options.PfxPath);
        var source = pfx ? $"{names.Pfx} '{options.PfxPath}'" : $"{names.Certificate} '{options.CertificatePath}'";
        X509Certificate2 certificate;
        try
        {
            certificate = pfx
                ? X509CertificateLoader.LoadPkcs12FromFile(options.PfxPath!, options.PfxPassword)
                : X509Certificate2.CreateFromPemFile(options.CertificatePath!, options.KeyPath);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            var files = pfx ? $"{source} (with {names.PfxPassword})" : $"{source} and {names.Key} '{options.KeyPath}'";
            throw new ClusterTlsException($"{files} do not hold a certificate with its private key: {e.Message}");
        }

        if (!certificate.HasPrivateKey)
        {
            throw new ClusterTlsException($"{source}: the certificate {certificate.Subject} comes without its private key");
        }

        var now = time.GetUtcNow();
        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
        {
            throw new ClusterTlsException($"{source}: the certificate {certificate.Subject} is valid from {certificate.NotBefore.ToUniversalTime():u} to {certificate.NotAfter.ToUniversalTime():u}, not now");
        }

        // Orleans refuses a certificate whose extended key usage lacks what its end of the
        // connection needs, but only at the first connection; say it now. A silo is the server of
        // some connections and the client of others; a client of the gateway is only a client.
        if (certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault() is { } usage)
        {
            if (peer == ClusterPeer.Silo && !(Has(usage, ServerAuthentication) && Has(usage, ClientAuthentication)))
            {
                throw new ClusterTlsException($"{source}: the certificate {certificate.Subject} must allow both serverAuth and clientAuth (extendedKeyUsage): a silo is both");
            }

            if (peer == ClusterPeer.Client && !Has(usage, ClientAuthentication))
            {
                throw new ClusterTlsException($"{source}: the certificate {certificate.Subject} must allow clientAuth (extendedKeyUsage)");
            }
        }

        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(options.CaPath!);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new ClusterTlsException($"{names.Ca} '{options.CaPath}' is no PEM certificate file: {e.Message}");
        }

        if (authorities.Count == 0)
        {
            throw new ClusterTlsException($"{names.Ca} '{options.CaPath}' holds no certificate");
        }

        var credentials = new ClusterCredentials(certificate, authorities);
        if (!credentials.Trusts(certificate, presented: null))
        {
            var who = peer == ClusterPeer.Silo ? "no other silo" : "no silo";
            throw new ClusterTlsException($"{source}: the certificate {certificate.Subject} is not issued by the CA in {names.Ca} '{options.CaPath}', so {who} would accept it");
        }

        return credentials;
    }

    /// <summary>TLS on the silo's inbound (silo and gateway) and outbound connections, peers required to present a certificate of the cluster.</summary>
    public static ISiloBuilder UseClusterTls(this ISiloBuilder silo, ClusterCredentials credentials) =>
        silo.UseTls(credentials.Certificate, tls => Configure(tls, credentials));

    /// <summary>TLS on a client's gateway connections, with the client's own certificate of the cluster.</summary>
    public static IClientBuilder UseClusterTls(this IClientBuilder client, ClusterCredentials credentials) =>
        client.UseTls(credentials.Certificate, tls => Configure(tls, credentials));

    private static void Configure(TlsOptions tls, ClusterCredentials credentials)
    {
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.RemoteCertificateValidation = (certificate, chain, _) => credentials.Trusts(certificate, chain);
    }

    private static bool Has(X509EnhancedKeyUsageExtension usage, Oid purpose) =>
        usage.EnhancedKeyUsages.Cast<Oid>().Any(oid => oid.Value == purpose.Value);
}
