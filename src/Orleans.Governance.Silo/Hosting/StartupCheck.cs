using Npgsql;
using Orleans.Governance.Api;
using Orleans.Governance.Cluster;
using Orleans.Governance.Domain.City;

namespace Orleans.Governance.Silo.Hosting;

/// <summary>Reads and checks the host's options before anything starts: bad settings stop the silo with one clear message, not a stack trace.</summary>
public static class StartupCheck
{
    /// <summary>
    /// The options to run with, or (after printing why) the exit code to stop with: settings first,
    /// then the TLS files, then the database (waited for while it does not answer), then the state
    /// store against what the database holds.
    /// </summary>
    public static async Task<StartupDecision> DecideAsync(IConfiguration configuration, ILogger logger, TimeProvider time)
    {
        GovernanceHostOptions options;
        try
        {
            options = configuration.GetSection(GovernanceHostOptions.Section).Get<GovernanceHostOptions>() ?? new GovernanceHostOptions();
        }
        catch (InvalidOperationException e)
        {
            return Refuse(ExitCodes.BadConfiguration, e.GetBaseException() == e ? e.Message : $"{e.Message} {e.GetBaseException().Message}");
        }

        var loopbackOnly = ListeningAddresses.LoopbackOnly(configuration);
        var problems = options.Validate().Concat(options.Api.Validate(loopbackOnly)).ToList();
        if (options.Cluster == ClusterMode.Embedded && !loopbackOnly && !options.AllowEmbeddedOffLoopback)
        {
            problems.Add($"{GovernanceHostOptions.Section}:Cluster is Embedded (state in memory, lost when the silo stops) but the HTTP API listens beyond loopback "
                + $"({ListeningAddresses.Describe(configuration)}): set {GovernanceHostOptions.Section}:Cluster=PostgreSql for a deployment, "
                + $"or {GovernanceHostOptions.Section}:AllowEmbeddedOffLoopback=true to serve an in-memory silo to the network on purpose");
        }

        if (problems.Count > 0)
        {
            return Refuse(ExitCodes.BadConfiguration, string.Join(Environment.NewLine + "  ", problems));
        }

        ClusterCredentials? tls = null;
        if (options.Tls.Enabled)
        {
            try
            {
                tls = ClusterTls.Load(options.Tls, ClusterPeer.Silo, ClusterTlsNames.Configuration, time);
            }
            catch (ClusterTlsException e)
            {
                return Refuse(ExitCodes.BadConfiguration, e.Message);
            }
        }

        if (options.Cluster == ClusterMode.PostgreSql)
        {
            if (await DatabaseStartup.WaitAsync(options.ConnectionString!, options.DatabaseStartupWait, logger, time) is { } database)
            {
                return Refuse(database.Unreachable ? ExitCodes.DatabaseUnreachable : ExitCodes.BadConfiguration, database.Message);
            }

            if (!options.AllowStateStoreSwitch)
            {
                string? store;
                try
                {
                    store = await PostgreSqlReadiness.StateStoreProblemAsync(options.ConnectionString!, EffectiveServiceId(options), options.StateStore);
                }
                catch (NpgsqlException e)
                {
                    return Refuse(ExitCodes.DatabaseUnreachable, $"the database stopped answering during the start-up checks: {e.GetBaseException().Message}");
                }

                if (store is not null)
                {
                    return Refuse(ExitCodes.BadConfiguration, store);
                }
            }
        }

        return new StartupDecision(options, tls, 0);
    }

    /// <summary>The service id the silo will run under: in Kubernetes the pod's ORLEANS_SERVICE_ID wins, as Orleans' Kubernetes hosting does.</summary>
    public static string EffectiveServiceId(GovernanceHostOptions options) =>
        options.Kubernetes && Environment.GetEnvironmentVariable("ORLEANS_SERVICE_ID") is { Length: > 0 } fromPod ? fromPod : options.ServiceId;

    /// <summary>The configured city, read and validated once for the loader and the API; null (after printing why) when it is invalid or none is configured.</summary>
    public static CityPlan? City(GovernanceHostOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.CityFile))
        {
            return null;
        }

        try
        {
            return CityFile.LoadFile(options.ResolveCityFile());
        }
        catch (CityFileException e)
        {
            return Refuse<CityPlan>(e.Message);
        }
    }

    private static T? Refuse<T>(string problem)
        where T : class
    {
        Console.Error.WriteLine($"Orleans.Governance silo cannot start: {problem}");
        return null;
    }

    private static StartupDecision Refuse(int exitCode, string problem)
    {
        Console.Error.WriteLine($"Orleans.Governance silo cannot start: {problem}");
        return new StartupDecision(null, null, exitCode);
    }
}
