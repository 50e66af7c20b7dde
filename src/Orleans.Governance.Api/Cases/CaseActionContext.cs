using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Api.Errors;
using Orleans.Governance.Api.Identity;
using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Api.Cases;

/// <summary>What every action on a case is bound from: the case, the version the person saw, the person.</summary>
public readonly record struct CaseActionContext(
    string CaseNumber,
    [property: FromHeader(Name = "If-Match")] string? IfMatch,
    GovernanceUser User,
    CaseAccess Access,
    IGrainFactory Grains,
    HttpContext Http)
{
    /// <summary>
    /// Runs the person's command only at the version they saw (If-Match); the lifecycle's own
    /// refusal comes back as 409 with its text.
    /// </summary>
    public async Task<Results<Ok<CaseView>, ProblemHttpResult>> ActAsync(Func<string, CaseCommand> command)
    {
        if (await Access.FindAsync(User, CaseNumber) is null)
        {
            return Problems.NotFound($"Case {CaseNumber}");
        }

        if (IfMatch is null)
        {
            return Problems.Field(StatusCodes.Status428PreconditionRequired, "If-Match required", "If-Match",
                "Send the case's version (the ETag of GET /api/v1/cases/{caseNumber}) in If-Match.");
        }

        if (!CaseVersion.TryParse(IfMatch, out var version))
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "Bad If-Match", "If-Match", $"If-Match must be a case version such as \"7\", got {IfMatch}.");
        }

        var receipt = await Grains.GetCase(CaseNumber).ActAsync(command(User.Actor), version);
        if (receipt.StaleVersion)
        {
            CaseVersion.Set(Http, receipt.TrailLength);
            return Problems.Rule(StatusCodes.Status412PreconditionFailed, "The case has changed", "If-Match",
                $"Case {CaseNumber} is at version {receipt.TrailLength}, not {version}: read it again before acting.");
        }

        if (receipt.Refusal is { } refusal)
        {
            return Problems.Rule(StatusCodes.Status409Conflict, "Refused by the case lifecycle", $"lifecycle.{refusal.Attempted}", refusal.Message);
        }

        var file = await Grains.GetCase(CaseNumber).GetAsync();
        CaseVersion.Set(Http, file.Trail.Count);
        return TypedResults.Ok(await Access.ViewAsync(User, file, "act"));
    }
}
