namespace Orleans.Governance.Api.Identity;

/// <summary>The claims a token carries for this API.</summary>
public static class GovernanceClaims
{
    /// <summary>The user's id (the standard subject claim).</summary>
    public const string Subject = "sub";

    /// <summary>A <see cref="Domain.Access.Role"/>, camelCase (e.g. <c>centreLeader</c>).</summary>
    public const string Role = "role";

    /// <summary>The id of the unit the user belongs to.</summary>
    public const string Unit = "unit";

    /// <summary>The person's id at that unit (a mediator's <c>m3</c>, a grid worker's <c>w1</c>); defaults to the subject.</summary>
    public const string Person = "person";
}
