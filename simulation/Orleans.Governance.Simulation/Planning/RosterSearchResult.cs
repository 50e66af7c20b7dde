namespace Orleans.Governance.Simulation.Planning;

/// <summary>The search's outcome: the chosen roster (null if none met the target), why it stopped short, its path and every roster it ran.</summary>
public sealed record RosterSearchResult(RosterGoal Goal, RosterCity City, RosterEvaluation? Chosen, string? Shortfall, IReadOnlyList<RosterStep> Path, IReadOnlyList<RosterEvaluation> Evaluated, int Runs)
{
    /// <summary>Per centre: the per-level winner the centre search started from (null per level, or when no level roster met the target).</summary>
    public Roster? LevelWinner { get; init; }
}
