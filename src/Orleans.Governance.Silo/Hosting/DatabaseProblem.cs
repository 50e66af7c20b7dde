namespace Orleans.Governance.Silo.Hosting;

/// <summary>Why the database cannot serve yet: one sentence naming the problem and the fix, and whether waiting may cure it.</summary>
/// <param name="Message">The sentence.</param>
/// <param name="Unreachable">The server did not answer, or answered that it cannot take connections now (starting up, shutting down, full): worth trying again. Otherwise the settings or the database are wrong.</param>
public sealed record DatabaseProblem(string Message, bool Unreachable);
