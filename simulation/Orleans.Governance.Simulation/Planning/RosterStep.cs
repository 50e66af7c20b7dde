namespace Orleans.Governance.Simulation.Planning;

/// <summary>One move of the search's path, with the roster it led to and the runs spent so far.</summary>
public sealed record RosterStep(int Number, RosterMove Move, RosterEvaluation Evaluation, int RunsSoFar);
