using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Hosts;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Tests.Support;

namespace Orleans.Governance.Simulation.Tests;

/// <summary>
/// One centre with c mediators, Poisson arrivals and exponential mediation is an M/M/c queue:
/// the kernel's queue (the same desk the production grains run, see the both-hosts property) must
/// agree with Erlang C and with Little's law within 3 %.
/// </summary>
public sealed class QueueingTheoryTests
{
    /// <summary>
    /// M/M/2 at ρ = 0.5 (λ = 10, μ = 10 a day per mediator): Erlang C gives P(wait) = 1/3 and
    /// Wq = 1/30 day. 3 % needs ~500,000 cases at this load (the relative sd of Wq is ≈ 5 % at
    /// 20,000 cases, 1 % at 500,000): 20 replications of 2,500 days, in parallel on the kernel host.
    /// </summary>
    [Fact]
    public async Task A_single_centre_agrees_with_erlang_c_and_littles_law_within_3_percent()
    {
        var scenario = TestScenarios.Parse(TestScenarios.SingleCentre(mediators: 2, arrivalsPerDay: 10, meanServiceDays: 0.1, replications: 20, horizonDays: 2_500, warmUpDays: 2));
        var result = await Simulator.RunAsync(scenario, HostKind.Kernel);

        var (probability, wait) = ErlangC(servers: 2, arrivalRate: 10, serviceRate: 10);
        var city = result.Figures.Levels[Level.City];
        var simulatedProbability = city.ProbabilityOfWaiting.Mean;
        var simulatedWait = city.WaitBeforeAcceptanceDays.Mean.Mean;
        var cases = result.Figures.Totals.CasesCreated.Mean * scenario.Replications;

        Assert.True(cases > 450_000, $"only {cases:N0} cases");
        Assert.True(Math.Abs(simulatedProbability - probability) <= 0.03 * probability, $"P(wait) {simulatedProbability:0.0000} vs Erlang C {probability:0.0000} over {cases:N0} cases");
        Assert.True(Math.Abs(simulatedWait - wait) <= 0.03 * wait, $"Wq {simulatedWait:0.00000} vs Erlang C {wait:0.00000} over {cases:N0} cases");

        // Little's law on the queue and on the mediators: L = λ W.
        var arrivalRate = city.ArrivalRatePerDay.Mean;
        Assert.Equal(1, city.MeanQueueLength.Mean / (arrivalRate * simulatedWait), 0.03);
        Assert.Equal(1, city.MeanBusyMediators.Mean / (arrivalRate * city.ServiceDays.Mean.Mean), 0.03);
    }

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
