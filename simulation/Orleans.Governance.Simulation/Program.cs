using System.CommandLine;
using Orleans.Governance.Simulation.Cli;

var root = new RootCommand("Orleans.Governance simulator: the production grains on virtual time, for planners.")
{
    RunCommand.Create(),
    ReplayCommand.Create(),
    NewCommand.Create(),
    CheckCommand.Create(),
    LoadCommand.Create(),
    CompareCommand.Create(),
    SweepCommand.Create(),
    OptimiseCommand.Create(),
};
var parse = root.Parse(args);
var exitCode = await parse.InvokeAsync();
// A command line that does not parse is refused like any other bad input (nothing run): exit
// code 2, not System.CommandLine's 1, which `load` and `check` use for a run that did not pass.
return parse.Errors.Count > 0 ? 2 : exitCode;
