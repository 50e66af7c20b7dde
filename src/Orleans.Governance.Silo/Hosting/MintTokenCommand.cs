using System.CommandLine;
using Orleans.Governance.Api.Identity;
using Orleans.Governance.Domain.Access;

namespace Orleans.Governance.Silo.Hosting;

/// <summary>
/// <c>mint-token</c>: a token signed with the development key, for the embedded silo, curl and
/// tests. A deployment's tokens come from the city's OpenID Connect authority instead.
/// </summary>
public static class MintTokenCommand
{
    public static Command Create()
    {
        var user = new Option<string>("--user") { Description = "the user's id (the token's subject)", Required = true };
        var role = new Option<Role>("--role") { Description = $"one of: {string.Join(", ", Enum.GetValues<Role>().Select(GovernanceUser.RoleName))}", Required = true };
        var unit = new Option<string>("--unit") { Description = "the id of the unit the user belongs to", Required = true };
        var person = new Option<string?>("--person") { Description = "the person's id at the unit, e.g. a mediator's m1 (default: the user id)" };
        var hours = new Option<double>("--hours") { Description = "lifetime in hours", DefaultValueFactory = _ => 8 };
        var command = new Command("mint-token", "Prints a development token for a user (embedded silo only).") { user, role, unit, person, hours };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse =>
        {
            var configuration = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
                .AddEnvironmentVariables()
                .AddCommandLine([.. parse.UnmatchedTokens])
                .Build();
            var options = configuration.GetSection(GovernanceHostOptions.Section).Get<GovernanceHostOptions>() ?? new GovernanceHostOptions();
            if (options.Api.Validate(loopbackOnly: true).FirstOrDefault() is { } problem)
            {
                Console.Error.WriteLine($"mint-token: {problem}");
                return 2;
            }

            if (!options.Api.UsesDevelopmentKey)
            {
                Console.Error.WriteLine($"mint-token: {Api.ApiOptions.Section}:Authority is set, so tokens come from that authority, not from this command");
                return 2;
            }

            if (StartupCheck.City(options) is { } city && city.Units.All(u => u.Id != parse.GetValue(unit)))
            {
                Console.Error.WriteLine($"mint-token: --unit '{parse.GetValue(unit)}' is no unit of city '{city.Id}'");
                return 2;
            }

            var hoursValue = parse.GetValue(hours);
            if (hoursValue is <= 0 or > 24 * 30)
            {
                Console.Error.WriteLine($"mint-token: --hours must be more than 0 and at most 720, got {hoursValue}");
                return 2;
            }

            Console.WriteLine(DevelopmentTokens.Mint(options.Api, parse.GetValue(user)!, parse.GetValue(role), parse.GetValue(unit)!, parse.GetValue(person),
                TimeSpan.FromHours(hoursValue), TimeProvider.System.GetUtcNow()));
            return 0;
        });
        return command;
    }
}
