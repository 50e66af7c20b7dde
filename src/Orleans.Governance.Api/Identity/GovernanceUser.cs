using System.Security.Claims;
using System.Text.Json;
using Orleans.Governance.Domain.Access;
using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Api.Identity;

/// <summary>The caller as the verified token says: never taken from a request body.</summary>
public sealed record GovernanceUser(string Id, Role Role, string UnitId, string PersonId)
{
    /// <summary>The actor recorded in a case's trail: the person at their unit.</summary>
    public string Actor => Actors.Person(UnitId, PersonId);

    public static string RoleName(Role role) => JsonNamingPolicy.CamelCase.ConvertName(role.ToString());

    /// <summary>Minimal APIs bind the user from the verified token; the authorization policies have already checked its claims.</summary>
    public static ValueTask<GovernanceUser> BindAsync(Microsoft.AspNetCore.Http.HttpContext context) =>
        ValueTask.FromResult(From(context.User) ?? throw new UnauthorizedAccessException("The token's sub, role or unit claim is missing or names no known role."));

    /// <summary>Reads the user from an authenticated principal; null when a claim is missing or unknown.</summary>
    public static GovernanceUser? From(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(GovernanceClaims.Subject);
        var unit = principal.FindFirstValue(GovernanceClaims.Unit);
        var roleName = principal.FindFirstValue(GovernanceClaims.Role);
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(unit) || roleName is null)
        {
            return null;
        }

        var role = Enum.GetValues<Role>().Where(r => RoleName(r) == roleName).Cast<Role?>().FirstOrDefault();
        var person = principal.FindFirstValue(GovernanceClaims.Person);
        return role is { } known ? new GovernanceUser(id, known, unit, string.IsNullOrWhiteSpace(person) ? id : person) : null;
    }
}
