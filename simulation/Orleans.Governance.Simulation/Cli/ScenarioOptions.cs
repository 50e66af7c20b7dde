using Orleans.Governance.Simulation.Scenarios;

namespace Orleans.Governance.Simulation.Cli;

/// <summary>Loading scenario files for the planning commands: a refused file is reported and yields null (exit code 2).</summary>
public static class ScenarioOptions
{
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
