using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Tests.Support;

namespace Orleans.Governance.Simulation.Tests;

/// <summary>
/// One centre with c mediators, Poisson arrivals and exponential mediation is an M/M/c queue:
/// the production grains' queue must agree with Erlang C and with Little's law.
/// </summary>
public sealed class QueueingTheoryTests
{
    /// <summary>M/M/2 at ρ = 0.5 (λ = 1, μ = 1 a day): Erlang C gives P(wait) = 1/3 and Wq = 1/3 day.</summary>
    [Fact]
    public async Task A_single_centre_agrees_with_erlang_c_and_littles_law()
    {
        var scenario = TestScenarios.Parse(TestScenarios.SingleCentre(mediators: 2, arrivalsPerDay: 1, meanServiceDays: 1, replications: Replications, horizonDays: HorizonDays, warmUpDays: 20));
        var result = await Simulator.RunAsync(scenario);

        var (probability, wait) = ErlangC(servers: 2, arrivalRate: 1, serviceRate: 1);
        var simulatedProbability = result["levels.city.probabilityOfWaiting"].Mean;
        var simulatedWait = result["levels.city.waitBeforeAcceptanceDays.mean"].Mean;
        var cases = result["totals.casesCreated"].Mean * Replications;

        // 3 % needs ~100,000 cases at this load (relative sd of Wq ≈ 5 % at 20,000); a quick run
        // is held to its own 95 % interval instead, and SIM_ERLANG_STRICT=1 demands the 3 %.
        var strict = Environment.GetEnvironmentVariable("SIM_ERLANG_STRICT") == "1";
        var probabilityBound = strict ? 0.03 * probability : Math.Max(0.03 * probability, result["levels.city.probabilityOfWaiting"].HalfWidth);
        var waitBound = strict ? 0.03 * wait : Math.Max(0.03 * wait, result["levels.city.waitBeforeAcceptanceDays.mean"].HalfWidth);
        Assert.True(Math.Abs(simulatedProbability - probability) <= probabilityBound, $"P(wait) {simulatedProbability:0.0000} vs Erlang C {probability:0.0000} (bound {probabilityBound:0.0000}) over {cases:N0} cases");
        Assert.True(Math.Abs(simulatedWait - wait) <= waitBound, $"Wq {simulatedWait:0.0000} vs Erlang C {wait:0.0000} (bound {waitBound:0.0000}) over {cases:N0} cases");

        // Little's law on the queue and on the mediators: L = λ W.
        var arrivalRate = result["levels.city.arrivalRatePerDay"].Mean;
        Assert.Equal(1, result["levels.city.meanQueueLength"].Mean / (arrivalRate * simulatedWait), 0.03);
        Assert.Equal(1, result["levels.city.meanBusyMediators"].Mean / (arrivalRate * result["levels.city.serviceDays.mean"].Mean), 0.03);
    }

    private static int Replications => int.TryParse(Environment.GetEnvironmentVariable("SIM_ERLANG_REPLICATIONS"), out var r) ? r : 4;

    private static double HorizonDays => double.TryParse(Environment.GetEnvironmentVariable("SIM_ERLANG_DAYS"), out var d) ? d : 600;

    private static (double ProbabilityOfWaiting, double MeanWait) ErlangC(int servers, double arrivalRate, double serviceRate)
    {
        var load = arrivalRate / serviceRate;
        var utilisation = load / servers;
        double sum = 0, term = 1;
        for (var k = 0; k < servers; k++)
        {
            sum += term;
            term *= load / (k + 1);
        }

        var top = term / (1 - utilisation);
        var probability = top / (sum + top);
        return (probability, probability / (servers * serviceRate - arrivalRate));
    }
}
