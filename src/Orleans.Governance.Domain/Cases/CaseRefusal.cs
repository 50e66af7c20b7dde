namespace Orleans.Governance.Domain.Cases;

/// <summary>Why a command was refused; the case is unchanged.</summary>
[GenerateSerializer, Immutable, Alias("gov.case-refusal")]
public sealed record CaseRefusal(
    [property: Id(0)] string CaseId,
    [property: Id(1)] CaseStatus Status,
    [property: Id(2)] CaseAction Attempted,
    [property: Id(3)] string Reason)
{
    public string Message => $"Case {CaseId} is {Status}: cannot {Attempted}. {Reason}";

    public override string ToString() => Message;
}
