using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Planning;
using Orleans.Governance.Simulation.Scenarios;

namespace Orleans.Governance.Simulation.Tests.Support;

/// <summary>The oracle for <c>optimise</c>: every roster run on the search's seeds, cheapest first.</summary>
public static class BruteForce
{
    /// <summary>The first of <paramref name="rosters"/>, cheapest first, whose objective meets the goal.</summary>
    public static async Task<RosterEvaluation?> CheapestMeetingAsync(Scenario scenario, RosterGoal goal, IEnumerable<Roster> rosters)
    {
        var city = new RosterCity(scenario.City);
        foreach (var roster in rosters.OrderBy(r => goal.Costs.Of(r, city)))
        {
            var evaluation = RosterEvaluation.Of(roster, await Simulator.RunAsync(roster.ApplyTo(scenario)), goal.Objective, goal.Target, goal.Confidence, city, goal.Costs);
            if (evaluation.Meets)
            {
                return evaluation;
            }
        }

        return null;
    }
}
