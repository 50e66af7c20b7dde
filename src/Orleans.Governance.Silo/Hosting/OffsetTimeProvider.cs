namespace Orleans.Governance.Silo.Hosting;

/// <summary>The system clock shifted by a fixed offset: a machine whose clock is wrong (GovernanceHostOptions.ClockOffset, fault tests only).</summary>
public sealed class OffsetTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
