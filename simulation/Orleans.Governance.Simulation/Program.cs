using System.CommandLine;
using Orleans.Governance.Simulation.Cli;

var root = new RootCommand("Orleans.Governance simulator: the production grains on virtual time, for planners.")
{
    RunCommand.Create(),
    NewCommand.Create(),
    CheckCommand.Create(),
    LoadCommand.Create(),
    CompareCommand.Create(),
    SweepCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
