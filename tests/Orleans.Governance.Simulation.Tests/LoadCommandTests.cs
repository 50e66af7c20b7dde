using Orleans.Governance.Cluster;
using Orleans.Governance.Simulation.Cli;
using Orleans.Governance.Simulation.Tests.Support;
using Orleans.Governance.Tests.Shared;

namespace Orleans.Governance.Simulation.Tests;

/// <summary>
/// <c>load --gateway</c> against the silo host in its own process, as
/// <c>dotnet run --project src/Orleans.Governance.Silo</c> starts it (its own defaults; only the
/// ports are the test's): the ids the client assumes are the ones the silo runs under.
/// </summary>
public sealed class LoadCommandTests
{
    [Fact]
    public async Task Load_drives_the_silo_host_with_the_default_ids_and_with_the_documented_ids_spelled_out()
    {
        var (silo, gatewayPort) = await StartSiloAsync("ids-default");
        await using (silo)
        {
            var byDefault = await LoadCommandRun.InvokeAsync(LoadArguments(gatewayPort, "defaults"));
            Assert.True(byDefault.ExitCode == 0, byDefault.ToString());
            Assert.Contains($"cluster {ClusterIdentity.DefaultClusterId}, service {ClusterIdentity.DefaultServiceId}", byDefault.Output, StringComparison.Ordinal);
            Assert.Equal(36, await LoadCommandRun.OpenCasesAsync(gatewayPort));

            var spelledOut = await LoadCommandRun.InvokeAsync([.. LoadArguments(gatewayPort, "documented"), "--cluster-id", "governance", "--service-id", "governance"]);
            Assert.True(spelledOut.ExitCode == 0, spelledOut.ToString());
            Assert.Equal(72, await LoadCommandRun.OpenCasesAsync(gatewayPort));
        }
    }

    [Fact]
    public async Task Load_drives_a_silo_host_under_ids_of_its_own_when_given_them_and_names_the_cluster_id_when_not()
    {
        var (silo, gatewayPort) = await StartSiloAsync("ids-own", "--Governance:ClusterId=city-7", "--Governance:ServiceId=city-7-governance");
        await using (silo)
        {
            var withDefaults = await LoadCommandRun.InvokeAsync(LoadArguments(gatewayPort, "defaults"));
            // Which end notices the other cluster id first is a race: the client says so, or the
            // silo closes the connection; either way the message names the option.
            Assert.True(withDefaults.ExitCode == LoadCommand.Unreachable, withDefaults.ToString());
            Assert.Contains("load: cannot connect.", withDefaults.Error, StringComparison.Ordinal);
            Assert.Contains("--cluster-id", withDefaults.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("City sample", withDefaults.Output, StringComparison.Ordinal);

            var withIds = await LoadCommandRun.InvokeAsync([.. LoadArguments(gatewayPort, "own"), "--cluster-id", "city-7", "--service-id", "city-7-governance"]);
            Assert.True(withIds.ExitCode == 0, withIds.ToString());
            var identity = new ClusterIdentity { ClusterId = "city-7", ServiceId = "city-7-governance" };
            Assert.Equal(36, await LoadCommandRun.OpenCasesAsync(gatewayPort, new() { RunId = "figures", Cluster = identity }));
        }
    }

    [Fact]
    public async Task Load_says_that_nothing_listens_at_a_gateway_without_a_silo()
    {
        var gatewayPort = FreePort.Next();

        var run = await LoadCommandRun.InvokeAsync(LoadArguments(gatewayPort, "nobody"));

        Assert.True(run.ExitCode == LoadCommand.Unreachable, run.ToString());
        Assert.Contains($"load: cannot connect. The gateway 127.0.0.1:{gatewayPort} refused the connection", run.Error, StringComparison.Ordinal);
        Assert.Contains("nothing listens there", run.Error, StringComparison.Ordinal);
    }

    /// <summary>36 disputes (one per grid of the sample city), quickly.</summary>
    internal static string[] LoadArguments(int gatewayPort, string runId) =>
        ["--gateway", $"127.0.0.1:{gatewayPort}", "--city", LoadCommandRun.SampleCityFile, "--open", "36", "--concurrency", "8", "--duration", "2m", "--run-id", runId];

    /// <summary>The silo host with its defaults but for the ports (free ones, so that tests run side by side) and no dashboard.</summary>
    internal static async Task<(SiloProcess Silo, int GatewayPort)> StartSiloAsync(string name, params string[] settings)
    {
        var (siloPort, gatewayPort) = (FreePort.Next(), FreePort.Next());
        var silo = await SiloProcess.StartAsync(name, siloPort,
        [
            $"--Governance:SiloPort={siloPort}", $"--Governance:GatewayPort={gatewayPort}", $"--Urls=http://127.0.0.1:{FreePort.Next()}", "--Governance:Dashboard=false", .. settings,
        ]);
        return (silo, gatewayPort);
    }
}
