using Orleans.Governance.Simulation.Scenarios;

namespace Orleans.Governance.Simulation.Tests.Support;

/// <summary>Scenarios for the tests, as YAML text next to the copied sample city.</summary>
public static class TestScenarios
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "cities");

    public static Scenario Parse(string yaml) => ScenarioReader.Parse(yaml, "test.yaml", Directory);

    /// <summary>One centre with <paramref name="mediators"/> mediators, Poisson arrivals, exponential service, all resolved there.</summary>
    public static string SingleCentre(int mediators, double arrivalsPerDay, double meanServiceDays, int replications, double horizonDays, double warmUpDays, long seed = 11) => $$"""
        name: M/M/{{mediators}}
        seed: {{seed}}
        replications: {{replications}}
        horizonDays: {{horizonDays}}
        warmUpDays: {{warmUpDays}}
        city:
          shape: { id: mmc, counties: 1, townships: 1, villages: 1, grids: 1 }
        staffing: { city: {{mediators}} }
        policy: { overdueEscalationDays: null, simpleDays: 45 }
        arrivals:
          neighbour: { ratePerCityPerDay: {{arrivalsPerDay}} }
        handling:
          default:
            grid: { distribution: fixed, meanDays: 0 }
            village: { distribution: fixed, meanDays: 0 }
            township: { distribution: fixed, meanDays: 0 }
            county: { distribution: fixed, meanDays: 0 }
            city: { distribution: exponential, meanDays: {{meanServiceDays}} }
        resolution:
          default: { grid: 1, village: 1, township: 1, county: 1, city: 1 }
        followUp: { share: 0 }
        channels: { walkIn: 1 }
        """;

    /// <summary>
    /// A small city for the early warning: 2 counties, each one township, one village and 2 grids;
    /// labour at 10 a day per county and neighbour at 2, every case settled at its grid; the
    /// <paramref name="surges"/> lines go under calendar.surges.
    /// </summary>
    public static string WarningCity(double days, int replications, params string[] surges) => $$"""
        name: early warning
        seed: 7
        replications: {{replications}}
        horizonDays: {{days}}
        city:
          shape: { id: ew, counties: 2, townships: 2, villages: 2, grids: 4 }
        staffing: { grid: 6 }
        arrivals:
          labour: { ratePerGridPerDay: 5 }
          neighbour: { ratePerGridPerDay: 1 }
        calendar:
          surges: [{{string.Join(", ", surges)}}]
        handling:
          default:
            grid: { distribution: exponential, meanDays: 0.1 }
            village: { distribution: fixed, meanDays: 0 }
            township: { distribution: fixed, meanDays: 0 }
            county: { distribution: fixed, meanDays: 0 }
            city: { distribution: fixed, meanDays: 0 }
        resolution:
          default: { grid: 1, village: 1, township: 1, county: 1, city: 1 }
        followUp: { share: 0 }
        """;

    /// <summary>The sample city for <paramref name="days"/> days: every level, escalations, deadlines.</summary>
    public static string SampleCity(double days, long seed) => $$"""
        name: sample
        seed: {{seed}}
        horizonDays: {{days}}
        warmUpDays: 2
        city: { file: sample.json }
        arrivals:
          labour: { ratePerGridPerDay: 0.05 }
          neighbour: { ratePerGridPerDay: 0.08, ratePerTownshipPerDay: 0.3 }
          constructionPayment: { ratePerGridPerDay: 0.01 }
        handling:
          default:
            grid: { distribution: exponential, meanDays: 0.5 }
            village: { distribution: exponential, meanDays: 1 }
            township: { distribution: lognormal, meanDays: 2, sdDays: 1 }
            county: { distribution: exponential, meanDays: 3 }
            city: { distribution: fixed, meanDays: 4 }
        resolution:
          default: { grid: 0.5, village: 0.6, township: 0.7, county: 0.8, city: 0.9 }
        signDelay: { distribution: exponential, meanDays: 0.1 }
        intake: { highRiskShare: 0.02, groupShare: 0.1 }
        """;

    /// <summary>
    /// A small city where cases climb the levels (half resolved at a grid or village) and a 3-day
    /// deadline makes every level's staffing count: for <c>optimise</c> against brute force.
    /// </summary>
    public static string Climbing(string name, string counts, double ratePerGridPerDay, long seed) => $$"""
        name: {{name}}
        seed: {{seed}}
        replications: 3
        horizonDays: 60
        warmUpDays: 5
        city:
          shape: { id: {{name}}, {{counts}} }
        policy: { overdueEscalationDays: null, simpleDays: 3, normalDays: 3, complexDays: 3 }
        arrivals:
          neighbour: { ratePerGridPerDay: {{ratePerGridPerDay.ToString(System.Globalization.CultureInfo.InvariantCulture)}} }
        handling:
          default:
            grid: { distribution: exponential, meanDays: 0.5 }
            village: { distribution: exponential, meanDays: 0.8 }
            township: { distribution: exponential, meanDays: 0.6 }
            county: { distribution: exponential, meanDays: 0.4 }
            city: { distribution: exponential, meanDays: 0.3 }
        resolution:
          default: { grid: 0.5, village: 0.5, township: 0.6, county: 0.7, city: 1 }
        followUp: { share: 0 }
        channels: { walkIn: 1 }
        """;
}
