namespace Orleans.Governance.Domain.Cases;

/// <summary>
/// How many case numbers a unit has issued on its current day (see <see cref="CaseNumber"/>); the
/// sequence restarts each day. Kept apart from the unit's desk: issuing a number then writes two
/// integers, not the desk with every case it holds.
/// </summary>
[GenerateSerializer, Immutable, Alias("gov.case-number-sequence")]
public sealed record CaseNumberSequence([property: Id(0)] int Day, [property: Id(1)] int Issued)
{
    public static CaseNumberSequence None { get; } = new(0, 0);

    /// <summary>
    /// The next number of <paramref name="unitId"/> at <paramref name="now"/>, and the sequence
    /// after it. The day never goes back: a unit that moved to a silo whose clock is behind the
    /// last one's, across midnight, keeps numbering the later day instead of issuing that day's
    /// numbers again (FaultTests' clock skew issued 39 numbers twice before).
    /// </summary>
    public (string Number, CaseNumberSequence Next) Issue(string unitId, DateTimeOffset now)
    {
        var day = Math.Max(CaseNumber.DayOf(now), Day);
        var issued = day == Day ? Issued + 1 : 1;
        return (CaseNumber.Format(unitId, day, issued), new CaseNumberSequence(day, issued));
    }
}
