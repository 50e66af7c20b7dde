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

    /// <summary>The next number of <paramref name="unitId"/> at <paramref name="now"/>, and the sequence after it.</summary>
    public (string Number, CaseNumberSequence Next) Issue(string unitId, DateTimeOffset now)
    {
        var day = CaseNumber.DayOf(now);
        var issued = day == Day ? Issued + 1 : 1;
        return (CaseNumber.Format(unitId, day, issued), new CaseNumberSequence(day, issued));
    }
}
