using System.Net;
using Orleans.Governance.Domain.Access;

namespace Orleans.Governance.Api.Tests.Support;

/// <summary>What a bearer endpoint acts on: a case, a unit, or only the caller.</summary>
public enum Target
{
    Case,
    Unit,
    Caller,
}

/// <summary>
/// One endpoint of the API as the access matrix calls it: the permission it needs, what it is
/// about, the body and If-Match it is sent with, and what a permitted caller in jurisdiction gets
/// (actions are sent at version 0, which no registered case is at: 412, and nothing changes).
/// </summary>
public sealed record EndpointDescriptor(
    string Name, string Method, string Route, Permission? Permission, Target Target, HttpStatusCode Success, Func<object?> Body, string? IfMatch = null)
{
    public string PathFor(string caseNumber, string unitId) => Route.Replace("{caseNumber}", caseNumber, StringComparison.Ordinal).Replace("{unitId}", unitId, StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Route}";
}

/// <summary>
/// Every endpoint under /api/v1, in one place. <see cref="AccessMatrixTests"/> checks that the
/// mapped endpoints are exactly these, so that a new endpoint cannot escape the matrix.
/// </summary>
public static class EndpointCatalog
{
    private const string Stale = "\"0\"";

    public static IReadOnlyList<EndpointDescriptor> All { get; } =
    [
        new("RegisterCase", "POST", "/api/v1/units/{unitId}/cases", Permission.RegisterCase, Target.Unit, HttpStatusCode.Created, () => Calls.Intake(Party.Fresh())),
        new("GetCase", "GET", "/api/v1/cases/{caseNumber}", Permission.ReadCase, Target.Case, HttpStatusCode.OK, () => null),
        new("GetCaseTrailCsv", "GET", "/api/v1/cases/{caseNumber}/trail.csv", Permission.ReadCase, Target.Case, HttpStatusCode.OK, () => null),
        new("GetCaseAccessLog", "GET", "/api/v1/cases/{caseNumber}/access-log", Permission.ReadAccessLog, Target.Case, HttpStatusCode.OK, () => null),
        Action("SignCase", "sign"),
        Action("HoldSession", "sessions"),
        Action("ResolveCase", "resolve"),
        Action("FailCase", "fail"),
        Action("EscalateCase", "escalate"),
        Action("ReferCase", "refer"),
        Action("CloseCase", "close"),
        Action("FollowUpCase", "follow-up"),
        new("GetMe", "GET", "/api/v1/me", Permission.ReadOwnProfile, Target.Caller, HttpStatusCode.OK, () => null),
        new("GetMyTasks", "GET", "/api/v1/me/tasks", Permission.ReadOwnTasks, Target.Caller, HttpStatusCode.OK, () => null),
        new("GetUnit", "GET", "/api/v1/units/{unitId}", Permission.ReadCase, Target.Unit, HttpStatusCode.OK, () => null),
        new("GetWorklist", "GET", "/api/v1/units/{unitId}/worklists/{list}", Permission.ReadWorklist, Target.Unit, HttpStatusCode.OK, () => null),
        new("GetUnitFigures", "GET", "/api/v1/units/{unitId}/figures", Permission.ReadFigures, Target.Unit, HttpStatusCode.OK, () => null),
        new("GetSubtreeFigures", "GET", "/api/v1/units/{unitId}/figures/subtree", Permission.ReadFigures, Target.Unit, HttpStatusCode.OK, () => null),
        new("GetLevelFigures", "GET", "/api/v1/units/{unitId}/figures/levels", Permission.ReadFigures, Target.Unit, HttpStatusCode.OK, () => null),
        new("GetChildFigures", "GET", "/api/v1/units/{unitId}/figures/children", Permission.ReadFigures, Target.Unit, HttpStatusCode.OK, () => null),
        new("GetTrend", "GET", "/api/v1/units/{unitId}/figures/trend", Permission.ReadFigures, Target.Unit, HttpStatusCode.OK, () => null),
        new("GetSupervision", "GET", "/api/v1/units/{unitId}/supervision", Permission.ReadWorklist, Target.Unit, HttpStatusCode.OK, () => null),
        new("GetEarlyWarnings", "GET", "/api/v1/units/{unitId}/warnings", Permission.ReadFigures, Target.Unit, HttpStatusCode.OK, () => null),
        new("GetPublicCaseStatus", "GET", "/api/v1/public/cases/{caseNumber}", null, Target.Case, HttpStatusCode.OK, () => null),
    ];

    /// <summary>The endpoints that need a bearer token (all but the public lookup).</summary>
    public static IEnumerable<EndpointDescriptor> Bearer => All.Where(e => e.Permission is not null);

    public static EndpointDescriptor Named(string name) => All.Single(e => e.Name == name);

    /// <summary>The route as called: worklists are asked for their queue.</summary>
    public static string Concrete(EndpointDescriptor endpoint, string caseNumber, string unitId) =>
        endpoint.PathFor(caseNumber, unitId).Replace("{list}", "queue", StringComparison.Ordinal);

    private static EndpointDescriptor Action(string name, string action) =>
        new(name, "POST", $"/api/v1/cases/{{caseNumber}}/{action}", Permission.ActOnCase, Target.Case, HttpStatusCode.PreconditionFailed, () => Calls.BodyFor(action), Stale);
}
