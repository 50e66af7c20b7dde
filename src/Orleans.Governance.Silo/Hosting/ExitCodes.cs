namespace Orleans.Governance.Silo.Hosting;

/// <summary>
/// What the silo's exit code tells a supervisor. systemd's unit restarts on every failure except
/// <see cref="BadConfiguration"/> (<c>RestartPreventExitStatus=2</c>): a wrong setting stays wrong,
/// a database that is late may come.
/// </summary>
public static class ExitCodes
{
    /// <summary>A setting, the city file, a password, the database or its schema is wrong: fix it, restarting will not help.</summary>
    public const int BadConfiguration = 2;

    /// <summary>The database did not answer within <see cref="GovernanceHostOptions.DatabaseStartupWait"/>: try again later.</summary>
    public const int DatabaseUnreachable = 3;
}
