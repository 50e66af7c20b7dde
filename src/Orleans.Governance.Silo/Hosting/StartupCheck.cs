using Orleans.Governance.Api;
using Orleans.Governance.Domain.City;

namespace Orleans.Governance.Silo.Hosting;

/// <summary>Reads and checks the host's options before anything starts: bad settings stop the silo with one clear message, not a stack trace.</summary>
public static class StartupCheck
{
    /// <summary>The options, or null after printing why the silo cannot start.</summary>
    public static async Task<GovernanceHostOptions?> OptionsAsync(IConfiguration configuration)
    {
        GovernanceHostOptions options;
        try
        {
            options = configuration.GetSection(GovernanceHostOptions.Section).Get<GovernanceHostOptions>() ?? new GovernanceHostOptions();
        }
        catch (InvalidOperationException e)
        {
            return Refuse<GovernanceHostOptions>(e.GetBaseException() == e ? e.Message : $"{e.Message} {e.GetBaseException().Message}");
        }

        var problems = options.Validate().Concat(options.Api.Validate(ApiOptions.IsLoopbackOnly(configuration["Urls"]))).ToList();
        if (problems.Count == 0 && options.Cluster == ClusterMode.PostgreSql && await PostgreSqlReadiness.ProblemAsync(options.ConnectionString!) is { } database)
        {
            problems.Add(database);
        }

        return problems.Count == 0 ? options : Refuse<GovernanceHostOptions>(string.Join(Environment.NewLine + "  ", problems));
    }

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
}
