using System.CommandLine;
using Orleans.Dashboard;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;
using Microsoft.Extensions.Options;
using Orleans.Governance.Api;
using Orleans.Governance.Cluster;
using Orleans.Governance.Silo.Hosting;

var generate = new Command("generate-city", "Writes a generated city file (see docs/city-format.md).");
var shapeOption = new Option<string>("--shape") { Description = "sample or dezhou", DefaultValueFactory = _ => "sample" };
var outOption = new Option<FileInfo>("--out") { Description = "the city file to write", Required = true };
generate.Options.Add(shapeOption);
generate.Options.Add(outOption);
generate.SetAction(parse =>
{
    var shape = parse.GetValue(shapeOption) switch
    {
        "sample" => new CityShape(),
        "dezhou" => CityShape.Dezhou,
        var other => throw new ArgumentException($"--shape: unknown shape '{other}' (expected sample or dezhou)"),
    };
    var city = CityGenerator.Generate(shape);
    var plan = CityPlan.From(city, shape.Id);
    var file = parse.GetValue(outOption)!;
    File.WriteAllText(file.FullName, CityFile.Write(city));
    Console.WriteLine($"{file.FullName}: {plan.Units.Count} units (counties {plan.CountAt(Level.County)}, townships {plan.CountAt(Level.Township)}, villages {plan.CountAt(Level.Village)}, grids {plan.CountAt(Level.Grid)})");
});

var root = new RootCommand("Orleans.Governance silo: the case-coordination cluster with its HTTP API and dashboard.");
root.Subcommands.Add(generate);
root.Subcommands.Add(MintTokenCommand.Create());
root.TreatUnmatchedTokensAsErrors = false;
root.SetAction(parse => RunSilo(parse.UnmatchedTokens.ToArray()));
// The host handles SIGTERM itself (graceful silo shutdown); System.CommandLine must not race it.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });

static async Task<int> RunSilo(string[] args)
{
    var builder = WebApplication.CreateBuilder(args);
    StartupDecision decision;
    using (var startupLogging = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddConsole()))
    {
        decision = await StartupCheck.DecideAsync(builder.Configuration, startupLogging.CreateLogger(typeof(DatabaseStartup).FullName!), TimeProvider.System);
    }

    if (decision.Options is not { } options)
    {
        return decision.ExitCode;
    }

    var city = StartupCheck.City(options);
    if (city is null && !string.IsNullOrWhiteSpace(options.CityFile))
    {
        return ExitCodes.BadConfiguration;
    }

    builder.Services.AddSingleton(Options.Create(options));
    builder.UseOrleans(silo =>
    {
        silo.UseGovernanceCluster(options);
        if (decision.Tls is { } tls)
        {
            silo.UseClusterTls(tls);
        }

        if (options.Dashboard)
        {
            silo.AddDashboard();
        }
    });
    builder.Services.AddGovernanceApi(options.Api, city);
    if (city is not null)
    {
        builder.Services.AddSingleton(city);
        builder.Services.AddHostedService<CityStartupLoader>();
    }

    var app = builder.Build();
    app.UseGovernanceApi();
    app.MapGovernanceApi();
    if (options.Dashboard)
    {
        app.MapLoopbackDashboard();
    }

    // Liveness: the process answers. Readiness: this silo is an active member of the cluster.
    app.MapGet("/health", () => Results.Ok("alive"));
    app.MapGet("/ready", (Orleans.Runtime.ISiloStatusOracle silo) =>
        silo.CurrentStatus == Orleans.Runtime.SiloStatus.Active ? Results.Ok("ready") : Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
    app.Lifetime.ApplicationStarted.Register(() =>
    {
        var address = app.Urls.FirstOrDefault() ?? "http://127.0.0.1:8080";
        app.Logger.LogInformation("Silo ready ({Cluster}, silo port {SiloPort}). API reference: {ApiDocsUrl} Dashboard: {DashboardUrl}",
            options.Cluster, options.SiloPort, $"{address.TrimEnd('/')}/api/docs", $"{address.TrimEnd('/')}/dashboard/");
    });
    await app.RunAsync();
    return 0;
}

/// <summary>The entry point, public so that the API tests can host it (WebApplicationFactory).</summary>
public partial class Program;
