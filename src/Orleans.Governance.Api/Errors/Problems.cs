using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Orleans.Governance.Api.Errors;

/// <summary>RFC 9457 refusals, each naming the field or rule it is about.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string what) =>
        Problem(StatusCodes.Status404NotFound, "Not found", $"{what} was not found.");

    public static ProblemHttpResult Forbidden(string rule) =>
        Problem(StatusCodes.Status403Forbidden, "Forbidden", rule);

    public static ProblemHttpResult Field(int status, string title, string field, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["field"] = field });

    public static ProblemHttpResult Rule(int status, string title, string rule, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["rule"] = rule });

    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);
}
