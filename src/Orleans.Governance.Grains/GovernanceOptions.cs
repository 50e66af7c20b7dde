namespace Orleans.Governance.Grains;

/// <summary>How the governance grains run in this silo (section "Governance:Grains").</summary>
public sealed class GovernanceOptions
{
    /// <summary>
    /// Back each unit's deadline watch with a durable reminder, so that a unit whose silo died
    /// is reactivated elsewhere and its alarms still fire. Off in the embedded default (nothing
    /// survives the process there); on with durable storage.
    /// </summary>
    public bool DurableDeadlineWatch { get; set; }

    /// <summary>
    /// How often the reminder wakes a unit that still has alarms. The grain timer gives the
    /// precision while the unit is active; the reminder only revives it. Default 10 minutes.
    /// </summary>
    public TimeSpan DeadlineReminderPeriod { get; set; } = TimeSpan.FromMinutes(10);
}
