using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Orleans.Governance.Api.Cases;
using Orleans.Governance.Api.Errors;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Api.Public;

/// <summary>The citizen's lookup by case number: where the case stands, with no personal data at all.</summary>
public static class PublicStatusApi
{
    public const string RateLimitPolicy = "public";

    public static RouteGroupBuilder MapPublicStatusApi(this RouteGroupBuilder api)
    {
        api.MapGet("/public/cases/{caseNumber}", GetStatus).WithName("GetPublicCaseStatus")
            .WithSummary("A case's status for the citizen who holds its number; no personal data.").WithTags("Public")
            .AllowAnonymous().RequireRateLimiting(RateLimitPolicy)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    public static async Task<Results<Ok<PublicCaseStatus>, ProblemHttpResult>> GetStatus(string caseNumber, CaseAccess access) =>
        await access.FindAnyAsync(caseNumber) is { } file
            ? TypedResults.Ok(PublicCaseStatus.Of(file))
            : Problems.NotFound($"Case {caseNumber}");
}
