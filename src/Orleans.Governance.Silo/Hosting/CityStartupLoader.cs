using Microsoft.Extensions.Options;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.City;

namespace Orleans.Governance.Silo.Hosting;

/// <summary>Loads the configured city (read and validated once at start-up) into the cluster once the silo is up (idempotent, so every silo may do it).</summary>
public sealed partial class CityStartupLoader(IGrainFactory grains, CityPlan plan, IOptions<GovernanceHostOptions> options, ILogger<CityStartupLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.ResolveCityFile();
        var report = await grains.GetGrain<ICityGrain>(plan.Id).LoadAsync(plan.Definition);
        LogCityLoaded(logger, plan.Id, path, report.Units, report.Configured, report.Unchanged);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1, LogLevel.Information, "City {CityId} from {Path}: {Units} units, {Configured} configured, {Unchanged} unchanged")]
    private static partial void LogCityLoaded(ILogger logger, string cityId, string path, int units, int configured, int unchanged);
}
