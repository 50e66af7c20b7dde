using System.Collections.Frozen;

namespace Orleans.Governance.Domain.Access;

/// <summary>
/// The one table of what each role may do (docs/api.md prints it). Everything else about access
/// is the jurisdiction rule: a permission applies only to units and cases of the user's subtree.
/// </summary>
public static class RoleTable
{
    public static readonly FrozenDictionary<Role, FrozenSet<Permission>> Grants = new Dictionary<Role, FrozenSet<Permission>>
    {
        [Role.GridWorker] = Set(Permission.RegisterCase, Permission.ReadCase, Permission.ActOnCase, Permission.ReadWorklist, Permission.ReadOwnTasks, Permission.HandlePersonalData, Permission.ReadOwnProfile),
        [Role.Mediator] = Set(Permission.ReadCase, Permission.ActOnCase, Permission.ReadOwnTasks, Permission.HandlePersonalData, Permission.ReadOwnProfile),
        [Role.CentreStaff] = Set(Permission.RegisterCase, Permission.ReadCase, Permission.ActOnCase, Permission.ReadWorklist, Permission.ReadFigures, Permission.HandlePersonalData, Permission.ReadOwnProfile),
        [Role.CentreLeader] = Set(Permission.ReadCase, Permission.ActOnCase, Permission.ReadWorklist, Permission.ReadFigures, Permission.ReadOwnProfile),
        [Role.CityAdministrator] = Set(Permission.ReadCase, Permission.ReadWorklist, Permission.ReadFigures, Permission.ReadAccessLog, Permission.ReadOwnProfile),
        [Role.Auditor] = Set(Permission.ReadCase, Permission.ReadFigures, Permission.ReadAccessLog, Permission.ReadOwnProfile),
        [Role.Public] = Set(Permission.SubmitOpen311),
    }.ToFrozenDictionary();

    public static bool Allows(Role role, Permission permission) => Grants.TryGetValue(role, out var granted) && granted.Contains(permission);

    /// <summary>The roles holding a permission (for authorization policies).</summary>
    public static IReadOnlyList<Role> RolesWith(Permission permission) => [.. Grants.Where(g => g.Value.Contains(permission)).Select(g => g.Key).Order()];

    private static FrozenSet<Permission> Set(params Permission[] permissions) => permissions.ToFrozenSet();
}
