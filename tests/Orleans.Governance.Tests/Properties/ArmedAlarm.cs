using Orleans.Governance.Domain.Desk;

namespace Orleans.Governance.Tests.Properties;

/// <summary>An alarm the model expects the holding unit's watch to fire at <see cref="Due"/> (time since the run started).</summary>
public readonly record struct ArmedAlarm(TimeSpan Due, DeadlineKind Kind)
{
    public override string ToString() => $"{Kind}@{Due.TotalHours:0.#}h";
}
