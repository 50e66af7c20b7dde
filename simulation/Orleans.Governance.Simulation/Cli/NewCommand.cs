using System.CommandLine;
using Orleans.Governance.Simulation.Scenarios;

namespace Orleans.Governance.Simulation.Cli;

/// <summary><c>new FILE</c>: writes a commented starter scenario.</summary>
public static class NewCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "the scenario file to write (refuses to overwrite)" };
        var force = new Option<bool>("--force") { Description = "overwrite an existing file" };
        var command = new Command("new", "Writes a commented starter scenario.") { file, force };
        command.SetAction(parse =>
        {
            var target = parse.GetValue(file)!;
            if (target.Exists && !parse.GetValue(force))
            {
                Console.Error.WriteLine($"{target.FullName} exists; use --force to overwrite it.");
                return 1;
            }

            File.WriteAllText(target.FullName, StarterScenario.Text);
            Console.WriteLine($"Wrote {target.FullName}: run it with `run {target.Name}`.");
            return 0;
        });
        return command;
    }
}
