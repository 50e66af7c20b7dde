using System.Security.Cryptography.X509Certificates;
using Orleans.Governance.Cluster;
using Orleans.Governance.Simulation.Cli;
using Orleans.Governance.Simulation.Load;
using Orleans.Governance.Simulation.Tests.Support;
using Orleans.Governance.Tests.Shared;

namespace Orleans.Governance.Simulation.Tests;

/// <summary>The silo host with mutual TLS (Governance:Tls, as deployed), and its CA, certificates and a client certificate in PEM files.</summary>
public sealed class TlsSiloFixture : IAsyncLifetime, IDisposable
{
    public TestCertificates Files { get; } = new();

    public X509Certificate2 Authority { get; } = TestCertificates.Authority("load test cluster CA");

    public string CaPath { get; private set; } = "";

    public string ClientCertificate { get; private set; } = "";

    public string ClientKey { get; private set; } = "";

    public int GatewayPort { get; private set; }

    private SiloProcess? _silo;

    /// <summary>A client of the cluster with its certificate, for reading the figures.</summary>
    public LoadSettings ClientSettings => new()
    {
        RunId = "figures",
        Tls = ClusterTls.Load(new ClusterTlsOptions { CertificatePath = ClientCertificate, KeyPath = ClientKey, CaPath = CaPath }, ClusterPeer.Client, ClusterTlsNames.Configuration, TimeProvider.System),
    };

    public async Task InitializeAsync()
    {
        (CaPath, _) = Files.Write("ca", Authority);
        var (siloCertificate, siloKey) = Files.Write("silo", TestCertificates.Issue(Authority, "silo"));
        (ClientCertificate, ClientKey) = Files.Write("client", TestCertificates.Issue(Authority, "load-client"));
        (_silo, GatewayPort) = await LoadCommandTests.StartSiloAsync("tls",
            $"--Governance:Tls:CertificatePath={siloCertificate}", $"--Governance:Tls:KeyPath={siloKey}", $"--Governance:Tls:CaPath={CaPath}");
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
        }
    }

    public void Dispose() => Files.Dispose();
}

/// <summary><c>load</c> against a TLS-enabled silo host: with the cluster's client certificate it drives it; without, or with bad TLS input, it says why.</summary>
public sealed class LoadTlsTests(TlsSiloFixture cluster) : IClassFixture<TlsSiloFixture>
{
    [Fact]
    public async Task Load_with_the_clusters_client_certificate_registers_cases_on_a_tls_silo()
    {
        var before = await LoadCommandRun.OpenCasesAsync(cluster.GatewayPort, cluster.ClientSettings);

        var run = await LoadCommandRun.InvokeAsync(
            [.. LoadCommandTests.LoadArguments(cluster.GatewayPort, "tls"), "--tls-certificate", cluster.ClientCertificate, "--tls-key", cluster.ClientKey, "--tls-ca", cluster.CaPath]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("TLS as CN=load-client", run.Output, StringComparison.Ordinal);
        Assert.Equal(before + 36, await LoadCommandRun.OpenCasesAsync(cluster.GatewayPort, cluster.ClientSettings));
    }

    [Fact]
    public async Task Load_without_a_certificate_is_refused_with_an_error_naming_tls()
    {
        var before = await LoadCommandRun.OpenCasesAsync(cluster.GatewayPort, cluster.ClientSettings);

        var run = await LoadCommandRun.InvokeAsync(LoadCommandTests.LoadArguments(cluster.GatewayPort, "plain"));

        Assert.True(run.ExitCode == LoadCommand.Unreachable, run.ToString());
        Assert.Contains("load: cannot connect.", run.Error, StringComparison.Ordinal);
        Assert.Contains("TLS (Governance:Tls)", run.Error, StringComparison.Ordinal);
        Assert.Contains("--tls-certificate", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await LoadCommandRun.OpenCasesAsync(cluster.GatewayPort, cluster.ClientSettings));
    }

    public static TheoryData<string, string> BadInput => new()
    {
        { "unreadable certificate", "do not hold a certificate with its private key" },
        { "missing key", "--tls-certificate and --tls-key go together, got only --tls-certificate" },
        { "missing certificate file", "does not exist" },
        { "missing CA", "--tls-ca is required with a certificate" },
        { "certificate of another CA", "is not issued by the CA in --tls-ca" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_tls_input_is_refused_with_exit_code_2_before_anything_is_sent(string input, string expected)
    {
        var garbage = Path.Combine(Path.GetDirectoryName(cluster.CaPath)!, "garbage.crt");
        await File.WriteAllTextAsync(garbage, "not a certificate\n");
        var stranger = TestCertificates.Authority("some other CA");
        var (strangerCertificate, strangerKey) = cluster.Files.Write("stranger", TestCertificates.Issue(stranger, "stranger"));
        string[] tls = input switch
        {
            "unreadable certificate" => ["--tls-certificate", garbage, "--tls-key", cluster.ClientKey, "--tls-ca", cluster.CaPath],
            "missing key" => ["--tls-certificate", cluster.ClientCertificate, "--tls-ca", cluster.CaPath],
            "missing certificate file" => ["--tls-certificate", garbage + ".missing", "--tls-key", cluster.ClientKey, "--tls-ca", cluster.CaPath],
            "missing CA" => ["--tls-certificate", cluster.ClientCertificate, "--tls-key", cluster.ClientKey],
            "certificate of another CA" => ["--tls-certificate", strangerCertificate, "--tls-key", strangerKey, "--tls-ca", cluster.CaPath],
            _ => throw new ArgumentOutOfRangeException(nameof(input), input, null),
        };
        var before = await LoadCommandRun.OpenCasesAsync(cluster.GatewayPort, cluster.ClientSettings);

        var run = await LoadCommandRun.InvokeAsync([.. LoadCommandTests.LoadArguments(cluster.GatewayPort, "bad"), .. tls]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Connecting", run.Output, StringComparison.Ordinal);
        Assert.Equal(before, await LoadCommandRun.OpenCasesAsync(cluster.GatewayPort, cluster.ClientSettings));
    }
}
