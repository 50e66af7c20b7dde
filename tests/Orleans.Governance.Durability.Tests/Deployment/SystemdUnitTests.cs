using Orleans.Governance.Durability.Tests.Support;
using Orleans.Governance.Silo.Hosting;

namespace Orleans.Governance.Durability.Tests.Deployment;

/// <summary>The systemd unit restarts a silo that gave up waiting for its database, never one whose configuration is wrong.</summary>
public sealed class SystemdUnitTests
{
    [Fact]
    public void The_unit_restarts_on_an_unreachable_database_but_not_on_bad_configuration()
    {
        var directives = File.ReadAllLines(Repository.Script("deploy/systemd/orleans-governance-silo@.service"))
            .Where(line => !line.StartsWith('#') && line.Contains('='))
            .Select(line => line.Split('=', 2))
            .ToLookup(pair => pair[0].Trim(), pair => pair[1].Trim());
        var prevented = directives["RestartPreventExitStatus"].SelectMany(value => value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();

        Assert.Equal(["on-failure"], directives["Restart"]);
        Assert.Contains($"{ExitCodes.BadConfiguration}", prevented);
        Assert.DoesNotContain($"{ExitCodes.DatabaseUnreachable}", prevented);
    }
}
