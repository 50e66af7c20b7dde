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

    public RosterScope Per { get; init; } = RosterScope.Level;

    /// <summary>Per centre: how many bottlenecks, and least-loaded centres one by one, each step tries (<see cref="CentreNeighbours"/>).</summary>
    public int Candidates { get; init; } = 4;
}

/// <summary>
/// <c>optimise</c>: the cheapest roster whose objective meets the target with the stated confidence.
/// Every roster is run with the same seeds (common random numbers), so two rosters differ by their
/// staffing, not by their luck. Greedy marginal allocation from one mediator per centre: the
/// mediator added where the objective gains most per unit of cost, until the lower confidence
/// bound reaches the target; then a local search among the cheaper neighbours (one fewer per
/// centre at a level, or one moved from a level to another) takes the cheapest that still meets
/// it, until none does. Per centre, that roster is where a second local search starts, among the
/// cheaper neighbours that the runs' figures per centre point to (<see cref="CentreNeighbours"/>):
/// blocks of a level's least-loaded centres give one mediator each, the block halving when that
/// breaks the target. Evaluations are remembered; every replication counts against the budget.
/// </summary>
public sealed class RosterSearch(Scenario scenario, RosterGoal goal, HostKind host = HostKind.Kernel, Action<RosterStep>? stepped = null)
{
    private readonly Dictionary<Roster, RosterEvaluation> _evaluated = [];
    private readonly Dictionary<Roster, IReadOnlyDictionary<string, CentreLoad>> _loads = [];
    private readonly List<RosterStep> _path = [];
    private readonly RosterCity _city = new(scenario.City);
    private Roster? _levelWinner;

    public int Runs { get; private set; }

    public async Task<RosterSearchResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var levels = _city.Levels;
        try
        {
            var current = await EvaluateAsync(Roster.Uniform(levels, 1), cancellationToken);
            Record(current, RosterMove.Start);
            RosterEvaluation? shortOf = null;
            while (!current.Meets)
            {
                var additions = levels.Where(l => current.Roster[l] < goal.MaxPerCentre).Select(l => (current.Roster.With(l, +1), new RosterMove(null, new RosterPart(l))));
                switch (await BestAdditionAsync(current, additions, cancellationToken))
                {
                    case null:
                        return Finish(null, $"no roster up to {goal.MaxPerCentre} per centre meets the target");
                    case { Evaluation.Mean: var mean } when !(mean > current.Mean):
                        // Same seeds, so no gain means staffing is no longer what holds the objective back.
                        return Finish(null, $"no added mediator raises the objective above {current.Mean:P1} (at {current.Roster}): the target is out of reach by staffing");
                    case var (best, move):
                        (shortOf, current) = (current, best);
                        Record(current, move);
                        break;
                }
            }

            while (await CheapestNeighbourAsync(current, LevelNeighbours(current.Roster, levels), cancellationToken) is { } cheaper)
            {
                current = cheaper.Evaluation;
                Record(current, cheaper.Move);
            }

            if (goal.Per == RosterScope.Centre)
            {
                _levelWinner = current.Roster;
                current = await CentreSearchAsync(current, shortOf, cancellationToken);
            }

            return Finish(current, null);
        }
        catch (BudgetSpentException)
        {
            var best = _evaluated.Values.Where(e => e.Meets).MinBy(e => e.Cost);
            return Finish(best, $"the budget of {goal.BudgetRuns} runs was spent before the search ended{(best is null ? "" : "; the cheapest roster seen that meets the target is given")}");
        }
    }

    private IEnumerable<(Roster Roster, RosterMove Move)> LevelNeighbours(Roster roster, IReadOnlyList<Level> levels)
    {
        foreach (var from in levels.Where(l => roster[l] > 1))
        {
            yield return (roster.With(from, -1), new RosterMove(new RosterPart(from), null));
            foreach (var to in levels.Where(to => to != from && roster[to] < goal.MaxPerCentre))
            {
                yield return (roster.With(from, -1).With(to, +1), new RosterMove(new RosterPart(from), new RosterPart(to)));
            }
        }
    }

    /// <summary>
    /// The per-centre search. From the last level roster that fell short of the target (the
    /// per-level winner if the start met it), greedy additions among the bottlenecks: each level's
    /// block of its worst centres (half its centres at first, halving each step) and the worst few
    /// one by one, until the target is met (else the per-level winner is taken as it is). Then the
    /// local search among cheaper neighbours: each level's block of least-loaded centres gives one
    /// mediator each, starting at half its centres and halving whenever that breaks the target; it
    /// ends when no neighbour meets the target and every block is down to a single centre.
    /// </summary>
    private async Task<RosterEvaluation> CentreSearchAsync(RosterEvaluation winner, RosterEvaluation? shortOf, CancellationToken cancellationToken)
    {
        var current = shortOf ?? winner;
        var strides = HalfOfEachLevel();
        while (!current.Meets)
        {
            var additions = Neighbours(current).Additions(strides);
            if (await BestAdditionAsync(current, additions, cancellationToken) is not { } found || !(found.Evaluation.Mean > current.Mean))
            {
                current = winner;
                break;
            }

            current = found.Evaluation;
            Record(current, found.Move);
            strides = strides.ToDictionary(s => s.Key, s => Math.Max(1, s.Value / 2));
        }

        strides = HalfOfEachLevel();
        while (true)
        {
            var neighbours = Neighbours(current).Removals(strides, out var fine);
            var cheaper = await CheapestNeighbourAsync(current, neighbours, cancellationToken, refused: move =>
            {
                if (move is { From: { Centres.Length: > 1 } block, To: null })
                {
                    strides[block.Level] = block.Centres.Length / 2;
                }
            });
            if (cheaper is { } found)
            {
                current = found.Evaluation;
                Record(current, found.Move);
            }
            else if (fine)
            {
                return current;
            }
        }
    }

    private Dictionary<Level, int> HalfOfEachLevel() => _city.Centres.ToDictionary(c => c.Key, c => (c.Value + 1) / 2);

    private CentreNeighbours Neighbours(RosterEvaluation evaluation) => new(_city, evaluation.Roster, _loads[evaluation.Roster], goal.Candidates, goal.MaxPerCentre);

    /// <summary>Runs every addition; the one that raises the objective most per unit of cost (null when there is none to try).</summary>
    private async Task<(RosterEvaluation Evaluation, RosterMove Move)?> BestAdditionAsync(
        RosterEvaluation current, IEnumerable<(Roster Roster, RosterMove Move)> additions, CancellationToken cancellationToken)
    {
        var evaluated = new List<(RosterEvaluation Evaluation, RosterMove Move)>();
        foreach (var (roster, move) in additions)
        {
            evaluated.Add((await EvaluateAsync(roster, cancellationToken), move));
        }

        return evaluated.Count == 0
            ? null
            : evaluated.OrderByDescending(a => (a.Evaluation.Mean - current.Mean) / (a.Evaluation.Cost - current.Cost)).ThenBy(a => a.Evaluation.Cost).First();
    }

    private async Task<(RosterEvaluation Evaluation, RosterMove Move)?> CheapestNeighbourAsync(
        RosterEvaluation current, IEnumerable<(Roster Roster, RosterMove Move)> neighbours, CancellationToken cancellationToken, Action<RosterMove>? refused = null)
    {
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

            refused?.Invoke(move);
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
        var perCentre = goal.Per == RosterScope.Centre;
        var result = await Simulator.RunAsync(roster.ApplyTo(scenario), host, cancellationToken: cancellationToken, keepsUnitFigures: perCentre);
        if (perCentre)
        {
            _loads[roster] = CentreLoad.Of(result);
        }

        return _evaluated[roster] = RosterEvaluation.Of(roster, result, goal.Objective, goal.Target, goal.Confidence, _city, goal.Costs);
    }

    private double Cost(Roster roster) => goal.Costs.Of(roster, _city);

    private void Record(RosterEvaluation evaluation, RosterMove move)
    {
        var step = new RosterStep(_path.Count + 1, move, evaluation, Runs);
        _path.Add(step);
        stepped?.Invoke(step);
    }

    private RosterSearchResult Finish(RosterEvaluation? chosen, string? shortfall) =>
        new(goal, _city, chosen, shortfall, _path, [.. _evaluated.Values.OrderBy(e => e.Cost)], Runs) { LevelWinner = _levelWinner };

    private sealed class BudgetSpentException : Exception;
}

