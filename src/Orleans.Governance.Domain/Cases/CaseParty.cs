namespace Orleans.Governance.Domain.Cases;

/// <summary>
/// A party to a dispute. Personal data: <see cref="ToString"/> masks it, and nothing else may
/// print it (logs, exports and reports use <see cref="Masked"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("gov.case-party")]
public sealed record CaseParty(
    [property: Id(0)] string Name,
    [property: Id(1)] string Phone,
    [property: Id(2)] string IdNumber)
{
    /// <summary>The party with every personal field masked: 张** / 138****5678 / 3714**********1234.</summary>
    public CaseParty Masked() => new(PersonalData.MaskName(Name), PersonalData.MaskPhone(Phone), PersonalData.MaskIdNumber(IdNumber));

    /// <inheritdoc />
    public override string ToString() => $"{PersonalData.MaskName(Name)} {PersonalData.MaskPhone(Phone)} {PersonalData.MaskIdNumber(IdNumber)}";
}
