using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Api.Cases;

/// <summary>A case to register (登记) at the unit named in the path.</summary>
public sealed record IntakeRequest(
    IntakeChannel Channel,
    CaseType Type,
    string Description,
    IReadOnlyList<PartyRequest> Parties,
    bool HighRisk = false,
    bool LongStanding = false,
    long AmountYuan = 0)
{
    public const int MaxDescription = 4000;
    public const int MaxParties = 50;

    /// <summary>Each problem under the JSON path of the field it names; empty when the request is valid.</summary>
    public Dictionary<string, string[]> Problems()
    {
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Description) || Description.Length > MaxDescription)
        {
            problems["description"] = [$"must be 1 to {MaxDescription} characters"];
        }

        if (Parties.Count is 0 or > MaxParties)
        {
            problems["parties"] = [$"must list 1 to {MaxParties} parties"];
        }

        for (var i = 0; i < Math.Min(Parties.Count, MaxParties); i++)
        {
            foreach (var (field, problem) in Parties[i].Problems())
            {
                problems[$"parties[{i}].{field}"] = [problem];
            }
        }

        if (AmountYuan is < 0 or > 1_000_000_000_000)
        {
            problems["amountYuan"] = ["must be 0 to 1,000,000,000,000 yuan"];
        }

        return problems;
    }

    public CaseIntake ToIntake(Domain.Jurisdiction.UnitRef unit) =>
        new(unit, Channel, Type, Description, [.. Parties.Select(p => new CaseParty(p.Name, p.Phone, p.IdNumber ?? ""))])
        {
            HighRisk = HighRisk,
            LongStanding = LongStanding,
            AmountYuan = AmountYuan,
        };
}
