using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Connections.Security;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Cluster;
using Orleans.Runtime.Messaging;

namespace Orleans.Governance.Durability.Tests.Deployment;

/// <summary>
/// Mutual TLS on a real silo process (the host as deployed, on loopback, its certificates in
/// PEM files as a Kubernetes Secret mounts them): only a client with a certificate of the
/// cluster's CA gets to call a grain.
/// </summary>
public sealed class ClusterTlsTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan ConnectLimit = TimeSpan.FromSeconds(60);
    private readonly TestCertificates _files = new();
    private readonly X509Certificate2 _authority = TestCertificates.Authority("governance test cluster CA");
    private readonly int _gatewayPort = FreePort.Next();
    private SiloProcess? _silo;

    public async Task InitializeAsync()
    {
        var (authority, _) = _files.Write("ca", _authority);
        var (certificate, key) = _files.Write("silo", TestCertificates.Issue(_authority, "silo"));
        var siloPort = FreePort.Next();
        _silo = await SiloProcess.StartAsync("tls", siloPort,
        [
            $"--Governance:SiloPort={siloPort}", $"--Governance:GatewayPort={_gatewayPort}", $"--Urls=http://127.0.0.1:{FreePort.Next()}",
            $"--Governance:Tls:CertificatePath={certificate}", $"--Governance:Tls:KeyPath={key}", $"--Governance:Tls:CaPath={authority}",
        ]);
    }

    [Fact]
    public async Task A_client_with_a_certificate_of_the_cluster_calls_a_grain()
    {
        var (authority, _) = _files.Write("client-ca", _authority);
        var (certificate, key) = _files.Write("client", TestCertificates.Issue(_authority, "client"));
        var credentials = ClusterTls.Load(new ClusterTlsOptions { CertificatePath = certificate, KeyPath = key, CaPath = authority }, ClusterPeer.Client, ClusterTlsNames.Configuration, TimeProvider.System);

        using var client = await ConnectAsync(builder => builder.UseClusterTls(credentials)).WaitAsync(ConnectLimit);
        var figures = await client.Services.GetRequiredService<IClusterClient>().GetGrain<ICityGrain>("sample").GetFiguresAsync();

        Assert.NotNull(figures);
    }

    [Fact]
    public async Task A_client_without_tls_is_refused()
    {
        await Assert.ThrowsAsync<ConnectionFailedException>(() => ConnectAsync(_ => { }).WaitAsync(ConnectLimit));
    }

    [Fact]
    public async Task A_tls_client_without_a_certificate_is_refused()
    {
        await Assert.ThrowsAsync<ConnectionFailedException>(() => ConnectAsync(builder => builder.UseTls(tls =>
        {
            tls.ClientCertificateMode = RemoteCertificateMode.AllowCertificate;
            tls.AllowAnyRemoteCertificate();
        })).WaitAsync(ConnectLimit));
    }

    [Fact]
    public async Task A_client_with_a_certificate_of_another_ca_is_refused()
    {
        var stranger = TestCertificates.Authority("some other CA");
        var (authority, _) = _files.Write("stranger-ca", stranger);
        var (certificate, key) = _files.Write("stranger", TestCertificates.Issue(stranger, "client"));
        var credentials = ClusterTls.Load(new ClusterTlsOptions { CertificatePath = certificate, KeyPath = key, CaPath = authority }, ClusterPeer.Client, ClusterTlsNames.Configuration, TimeProvider.System);

        // The stranger trusts its own CA only, so it would refuse the silo too; let it trust the
        // cluster's CA as well, so that the refusal shown is the silo's.
        credentials.Authorities.Add(_authority);
        await Assert.ThrowsAsync<ConnectionFailedException>(() => ConnectAsync(builder => builder.UseClusterTls(credentials)).WaitAsync(ConnectLimit));
    }

    [Fact]
    public void A_certificate_of_another_ca_than_the_configured_one_stops_the_silo_with_a_message()
    {
        var (authority, _) = _files.Write("ca-again", _authority);
        var stranger = TestCertificates.Authority("some other CA");
        var (certificate, key) = _files.Write("misissued", TestCertificates.Issue(stranger, "silo"));

        var refusal = Assert.Throws<ClusterTlsException>(() =>
            ClusterTls.Load(new ClusterTlsOptions { CertificatePath = certificate, KeyPath = key, CaPath = authority }, ClusterPeer.Silo, ClusterTlsNames.Configuration, TimeProvider.System));

        Assert.Equal($"Governance:Tls:CertificatePath '{certificate}': the certificate CN=silo is not issued by the CA in Governance:Tls:CaPath '{authority}', so no other silo would accept it", refusal.Message);
    }

    private async Task<IHost> ConnectAsync(Action<IClientBuilder> tls)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client =>
        {
            client.UseLocalhostClustering(_gatewayPort, serviceId: ClusterIdentity.DefaultServiceId, clusterId: ClusterIdentity.DefaultClusterId);
            client.UseConnectionRetryFilter((_, _) => Task.FromResult(false)); // the first refusal is the answer
            tls(client);
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }

    public void Dispose() => _files.Dispose();
}
