using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Governance.Silo.Hosting;

namespace Orleans.Governance.Durability.Tests.Deployment;

/// <summary>Orleans:Membership reaches Orleans' membership options (the isolation fault test shortens them this way).</summary>
public sealed class MembershipSettingsTests
{
    [Fact]
    public void Orleans_Membership_settings_are_bound_and_absent_ones_keep_Orleans_defaults()
    {
        var shortened = Membership(("Orleans:Membership:ProbeTimeout", "00:00:01"), ("Orleans:Membership:MaxProbeTimeout", "00:00:02"), ("Orleans:Membership:TableRefreshTimeout", "00:00:02"));
        var untouched = Membership();

        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)), (shortened.ProbeTimeout, shortened.MaxProbeTimeout, shortened.TableRefreshTimeout));
        Assert.Equal(new ClusterMembershipOptions().NumMissedProbesLimit, shortened.NumMissedProbesLimit);
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60)), (untouched.ProbeTimeout, untouched.TableRefreshTimeout));
    }

    private static ClusterMembershipOptions Membership(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.UseOrleans(silo => silo.UseGovernanceCluster(new GovernanceHostOptions { CityFile = null }));
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<ClusterMembershipOptions>>().Value;
    }
}
