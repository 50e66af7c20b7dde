using System.CommandLine;
using Orleans.Governance.Simulation.Hosts;
using Orleans.Governance.Simulation.Scenarios;

namespace Orleans.Governance.Simulation.Cli;

/// <summary>Loading scenario files for the planning commands: a refused file is reported and yields null (exit code 2).</summary>
public static class ScenarioOptions
{
    /// <summary>The --engine option the planning commands share: which host runs the kernel.</summary>
    public static Option<HostKind> Engine() => new("--engine")
    {
        Description = "kernel (default): the rules run directly, replications in parallel; grains: the production grains on an embedded silo (the digital twin, same results, slower)",
        DefaultValueFactory = _ => HostKind.Kernel,
    };

    public static Scenario? Load(FileInfo file)
    {
        try
        {
            return ScenarioReader.LoadFile(file.FullName);
        }
        catch (ScenarioException e)
        {
            Console.Error.WriteLine(e.Message);
            return null;
        }
    }

    /// <summary>The --replications value, checked: with fewer than two there is no confidence interval.</summary>
    public static bool CheckReplications(int? replications)
    {
        if (replications is < 2)
        {
            Console.Error.WriteLine($"--replications: {replications} — expected an integer ≥ 2 (an interval needs two replications)");
            return false;
        }

        return true;
    }
}
