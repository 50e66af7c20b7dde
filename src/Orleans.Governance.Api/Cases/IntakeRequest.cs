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

/// <summary>A party to the dispute: name and phone, and the resident ID number when known.</summary>
public sealed record PartyRequest(string Name, string Phone, string? IdNumber = null)
{
    public IEnumerable<(string Field, string Problem)> Problems()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 50)
        {
            yield return ("name", "must be 1 to 50 characters");
        }

        if (Phone.Length is < 5 or > 20 || !Phone.All(c => char.IsAsciiDigit(c) || c == '-' || c == '+'))
        {
            yield return ("phone", "must be 5 to 20 digits ('+' and '-' allowed)");
        }

        if (IdNumber is { } id && !(id.Length is 15 or 18 && id[..^1].All(char.IsAsciiDigit) && (char.IsAsciiDigit(id[^1]) || id[^1] is 'X' or 'x')))
        {
            yield return ("idNumber", "must be a resident ID number of 15 or 18 characters (digits, the last may be X)");
        }
    }
}
