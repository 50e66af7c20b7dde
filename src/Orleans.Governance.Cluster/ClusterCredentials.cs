using System.Security.Cryptography.X509Certificates;

namespace Orleans.Governance.Cluster;

/// <summary>This silo's (or client's) certificate and the CA certificates the cluster trusts.</summary>
public sealed record ClusterCredentials(X509Certificate2 Certificate, X509Certificate2Collection Authorities)
{
    /// <summary>Does the certificate chain to one of the cluster's CAs (with the intermediates the peer sent)?</summary>
    public bool Trusts(X509Certificate2 certificate, X509Chain? presented)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(Authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(certificate);
    }
}
