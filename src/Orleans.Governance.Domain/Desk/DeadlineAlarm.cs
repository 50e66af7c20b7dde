namespace Orleans.Governance.Domain.Desk;

/// <summary>An alarm due at <see cref="DueAt"/> for one case; ordered by time, then case id, then kind.</summary>
public readonly record struct DeadlineAlarm(DateTimeOffset DueAt, string CaseId, DeadlineKind Kind) : IComparable<DeadlineAlarm>
{
    public int CompareTo(DeadlineAlarm other)
    {
        var byTime = DueAt.CompareTo(other.DueAt);
        if (byTime != 0)
        {
            return byTime;
        }

        var byCase = string.CompareOrdinal(CaseId, other.CaseId);
        return byCase != 0 ? byCase : ((int)Kind).CompareTo((int)other.Kind); // Enum.CompareTo would box
    }
}
