using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Orleans.Governance.Domain.Access;

namespace Orleans.Governance.Api.Identity;

/// <summary>Tokens signed with the development key, for the embedded silo, the README's curl lines and tests.</summary>
public static class DevelopmentTokens
{
    public static SymmetricSecurityKey SigningKey(string key) => new(Encoding.UTF8.GetBytes(key));

    public static string Mint(ApiOptions options, string userId, Role role, string unitId, string? personId, TimeSpan lifetime, DateTimeOffset now)
    {
        var claims = new Dictionary<string, object>
        {
            [GovernanceClaims.Subject] = userId,
            [GovernanceClaims.Role] = GovernanceUser.RoleName(role),
            [GovernanceClaims.Unit] = unitId,
        };
        if (personId is not null)
        {
            claims[GovernanceClaims.Person] = personId;
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ApiOptions.DevelopmentIssuer,
            Audience = options.Audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey(options.DevelopmentSigningKey!), SecurityAlgorithms.HmacSha256),
        });
    }
}
