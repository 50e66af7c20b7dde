using System.CommandLine;
using System.Net;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Simulation.Cli;
using Orleans.Governance.Simulation.Load;
using Spectre.Console;

namespace Orleans.Governance.Simulation.Tests.Support;

/// <summary>The <c>load</c> command as a user runs it, its output and errors captured.</summary>
public sealed record LoadCommandRun(int ExitCode, string Output, string Error)
{
    /// <summary>How long a run waits for a gateway that refuses it, instead of the command's 60 s.</summary>
    public static readonly TimeSpan ShortConnectWindow = TimeSpan.FromSeconds(5);

    /// <summary>The sample city, as the silo host loads it by default.</summary>
    public static string SampleCityFile => Path.Combine(AppContext.BaseDirectory, "cities", "sample.json");

    public static Task<LoadCommandRun> InvokeAsync(params string[] arguments) => InvokeAsync(ShortConnectWindow, arguments);

    public static async Task<LoadCommandRun> InvokeAsync(TimeSpan connectFor, params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(output) });
        var exit = await new RootCommand { LoadCommand.Create(console, connectFor) }
            .Parse(["load", .. arguments])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new LoadCommandRun(exit, output.ToString(), error.ToString());
    }

    /// <summary>The cases open in the sample city now, read by a client of its own.</summary>
    public static async Task<long> OpenCasesAsync(int gatewayPort, LoadSettings? settings = null)
    {
        settings = (settings ?? new LoadSettings { RunId = "figures" }) with { Gateway = new IPEndPoint(IPAddress.Loopback, gatewayPort) };
        await using var client = await LoadClient.ConnectAsync(settings, TimeSpan.FromSeconds(30));
        return (await client.Grains.GetGrain<ICityGrain>("sample").GetFiguresAsync()).Open;
    }

    public override string ToString() => $"exit code {ExitCode}\n--- output\n{Output}\n--- error\n{Error}";
}
