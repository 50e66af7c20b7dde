using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Orleans.Governance.Domain.Access;

namespace Orleans.Governance.Api.Identity;

/// <summary>One authorization policy per <see cref="Permission"/>, built from the role table.</summary>
public static class PermissionPolicies
{
    public static string NameOf(Permission permission) => $"permission:{permission}";

    public static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder authorization)
    {
        foreach (var permission in Enum.GetValues<Permission>())
        {
            authorization.AddPolicy(NameOf(permission), policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(GovernanceClaims.Subject)
                .RequireClaim(GovernanceClaims.Unit)
                .RequireClaim(GovernanceClaims.Role, RoleTable.RolesWith(permission).Select(GovernanceUser.RoleName)));
        }

        return authorization;
    }

    public static TBuilder RequirePermission<TBuilder>(this TBuilder endpoint, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(NameOf(permission));
}
