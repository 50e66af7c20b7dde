using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Api.Cases;

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
