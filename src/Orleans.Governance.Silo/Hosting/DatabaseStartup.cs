namespace Orleans.Governance.Silo.Hosting;

/// <summary>
/// Waits at start-up for a database that does not answer yet (a machine booting, PostgreSQL
/// restarting or failing over), trying again with a line in the log each time, for at most
/// <see cref="GovernanceHostOptions.DatabaseStartupWait"/>. A database that answers but is wrong
/// (password, missing database or schema) is reported at once: waiting would not cure it.
/// </summary>
public static partial class DatabaseStartup
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Null when the database is ready; otherwise the problem: <see cref="DatabaseProblem.Unreachable"/>
    /// when it did not answer within <paramref name="wait"/> (each try may add the connection
    /// string's Timeout, 15 s by default, to that bound).
    /// </summary>
    public static async Task<DatabaseProblem?> WaitAsync(string connectionString, TimeSpan wait, ILogger logger, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        var pause = FirstPause;
        for (var attempt = 1; ; attempt++)
        {
            var problem = await PostgreSqlReadiness.CheckAsync(connectionString, cancellationToken);
            var waited = time.GetElapsedTime(started);
            if (problem is null)
            {
                if (attempt > 1)
                {
                    LogReached(logger, attempt, (int)waited.TotalSeconds);
                }

                return null;
            }

            if (!problem.Unreachable)
            {
                return problem;
            }

            if (waited >= wait)
            {
                return problem with { Message = $"{problem.Message}; gave up after {attempt} tries in {waited.TotalSeconds:0} s (Governance:DatabaseStartupWait is {wait})" };
            }

            var next = pause < wait - waited ? pause : wait - waited;
            LogWaiting(logger, attempt, (int)waited.TotalSeconds, (int)wait.TotalSeconds, problem.Message, next.TotalSeconds);
            await Task.Delay(next, time, cancellationToken);
            pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Database not reachable yet (try {Attempt}, {WaitedSeconds} s of {WaitSeconds} s waited): {Problem}; trying again in {PauseSeconds:0.#} s")]
    private static partial void LogWaiting(ILogger logger, int attempt, int waitedSeconds, int waitSeconds, string problem, double pauseSeconds);

    [LoggerMessage(2, LogLevel.Information, "Database reached at try {Attempt}, after {WaitedSeconds} s")]
    private static partial void LogReached(ILogger logger, int attempt, int waitedSeconds);
}
