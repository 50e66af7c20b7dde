using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Hosts;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Scenarios;
using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Planning;

/// <summary>What <c>optimise</c> looks for, and within which bounds.</summary>
public sealed record RosterGoal(FigureDescriptor<Figures<Estimate>> Objective, double Target, double Confidence, RosterCosts Costs, int MaxPerCentre, int BudgetRuns)
{
    public static FigureDescriptor<Figures<Estimate>> ServiceLevel { get; } = FigureTable.Total(t => t.ClosedWithinDeadlineShare);
}

/// <summary>
/// <c>optimise</c>: the cheapest roster whose objective meets the target with the stated confidence.
/// Every roster is run with the same seeds (common random numbers), so two rosters differ by their
/// staffing, not by their luck. Greedy marginal allocation from one mediator per centre: the
/// mediator added where the objective gains most per unit of cost, until the lower confidence
/// bound reaches the target; then a local search among the cheaper neighbours (one fewer per
/// centre at a level, or one moved from a level to another) takes the cheapest that still meets
/// it, until none does. Evaluations are remembered; every replication counts against the budget.
/// </summary>
public sealed class RosterSearch(Scenario scenario, RosterGoal goal, HostKind host = HostKind.Kernel, Action<RosterStep>? stepped = null)
{
    private readonly Dictionary<Roster, RosterEvaluation> _evaluated = [];
    private readonly List<RosterStep> _path = [];
    private readonly IReadOnlyDictionary<Level, int> _centres = scenario.City.Units.GroupBy(u => u.Level).ToDictionary(g => g.Key, g => g.Count());

    public int Runs { get; private set; }

    public async Task<RosterSearchResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var levels = scenario.City.Units.Select(u => u.Level).Distinct().Order().ToList();
        try
        {
            var current = await EvaluateAsync(Roster.Uniform(levels, 1), cancellationToken);
            Record(current, RosterMove.Start);
            while (!current.Meets)
            {
                var additions = new List<(RosterEvaluation Candidate, Level Level)>();
                foreach (var level in levels.Where(l => current.Roster[l] < goal.MaxPerCentre))
                {
                    additions.Add((await EvaluateAsync(current.Roster.With(level, +1), cancellationToken), level));
                }

                if (additions.Count == 0)
                {
                    return Finish(null, $"no roster up to {goal.MaxPerCentre} per centre meets the target");
                }

                var (best, added) = additions
                    .OrderByDescending(a => (a.Candidate.Mean - current.Mean) / (a.Candidate.Cost - current.Cost))
                    .ThenBy(a => a.Candidate.Cost)
                    .First();
                if (!(best.Mean > current.Mean))
                {
                    // Same seeds, so no gain means staffing is no longer what holds the objective back.
                    return Finish(null, $"no added mediator raises the objective above {current.Mean:P1} (at {current.Roster}): the target is out of reach by staffing");
                }

                current = best;
                Record(current, new RosterMove(null, added));
            }

            while (await CheapestNeighbourAsync(current, levels, cancellationToken) is { } cheaper)
            {
                current = cheaper.Evaluation;
                Record(current, cheaper.Move);
            }

            return Finish(current, null);
        }
        catch (BudgetSpentException)
        {
            var best = _evaluated.Values.Where(e => e.Meets).MinBy(e => e.Cost);
            return Finish(best, $"the budget of {goal.BudgetRuns} runs was spent before the search ended{(best is null ? "" : "; the cheapest roster seen that meets the target is given")}");
        }
    }

    private async Task<(RosterEvaluation Evaluation, RosterMove Move)?> CheapestNeighbourAsync(RosterEvaluation current, IReadOnlyList<Level> levels, CancellationToken cancellationToken)
    {
        var neighbours = new List<(Roster Roster, RosterMove Move)>();
        foreach (var from in levels.Where(l => current.Roster[l] > 1))
        {
            neighbours.Add((current.Roster.With(from, -1), new RosterMove(from, null)));
            neighbours.AddRange(levels.Where(to => to != from && current.Roster[to] < goal.MaxPerCentre)
                .Select(to => (current.Roster.With(from, -1).With(to, +1), new RosterMove(from, to))));
        }

        foreach (var (roster, move) in neighbours.OrderBy(n => Cost(n.Roster)).ThenBy(n => n.Move.ToString(), StringComparer.Ordinal))
        {
            if (Cost(roster) >= current.Cost)
            {
                break;
            }

            if (await EvaluateAsync(roster, cancellationToken) is { Meets: true } cheaper)
            {
                return (cheaper, move);
            }
        }

        return null;
    }

    private async Task<RosterEvaluation> EvaluateAsync(Roster roster, CancellationToken cancellationToken)
    {
        if (_evaluated.TryGetValue(roster, out var known))
        {
            return known;
        }

        if (Runs + scenario.Replications > goal.BudgetRuns)
        {
            throw new BudgetSpentException();
        }

        Runs += scenario.Replications;
        var result = await Simulator.RunAsync(roster.ApplyTo(scenario), host, cancellationToken: cancellationToken);
        return _evaluated[roster] = RosterEvaluation.Of(roster, result, goal.Objective, goal.Target, goal.Confidence, _centres, goal.Costs);
    }

    private double Cost(Roster roster) => goal.Costs.Of(roster, _centres);

    private void Record(RosterEvaluation evaluation, RosterMove move)
    {
        var step = new RosterStep(_path.Count + 1, move, evaluation, Runs);
        _path.Add(step);
        stepped?.Invoke(step);
    }

    private RosterSearchResult Finish(RosterEvaluation? chosen, string? shortfall) =>
        new(goal, _centres, chosen, shortfall, _path, [.. _evaluated.Values.OrderBy(e => e.Cost)], Runs);

    private sealed class BudgetSpentException : Exception;
}

/// <summary>One move of the search's path, with the roster it led to and the runs spent so far.</summary>
public sealed record RosterStep(int Number, RosterMove Move, RosterEvaluation Evaluation, int RunsSoFar);

/// <summary>A step of the search: one mediator per centre taken from a level, added to one, or both (neither: the start).</summary>
public sealed record RosterMove(Level? From, Level? To)
{
    public static readonly RosterMove Start = new(null, null);

    public string Describe(Func<Level, string> levelName, bool chinese) => (From, To) switch
    {
        (null, null) => chinese ? "起点：每个中心 1 名调解员" : "start: one mediator per centre",
        (null, { } to) => chinese ? $"每个{levelName(to)}中心 +1" : $"+1 per {levelName(to)} centre",
        ({ } from, null) => chinese ? $"每个{levelName(from)}中心 −1" : $"−1 per {levelName(from)} centre",
        ({ } from, { } to) => chinese ? $"每个{levelName(from)}中心 −1，每个{levelName(to)}中心 +1" : $"−1 per {levelName(from)} centre, +1 per {levelName(to)} centre",
    };

    public override string ToString() => Describe(LevelNames.Key, chinese: false);
}

/// <summary>The search's outcome: the chosen roster (null if none met the target), why it stopped short, its path and every roster it ran.</summary>
public sealed record RosterSearchResult(RosterGoal Goal, IReadOnlyDictionary<Level, int> Centres, RosterEvaluation? Chosen, string? Shortfall, IReadOnlyList<RosterStep> Path, IReadOnlyList<RosterEvaluation> Evaluated, int Runs);
