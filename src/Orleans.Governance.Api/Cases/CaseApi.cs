using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Api.Errors;
using Orleans.Governance.Api.Identity;
using Orleans.Governance.Api.Jurisdiction;
using Orleans.Governance.Domain.Access;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Api.Cases;

/// <summary>Cases: intake at a unit, a case by number, its trail, its access log, and a person's actions on it.</summary>
public static class CaseApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    private const int MaxIdempotencyKey = 200;

    public static RouteGroupBuilder MapCaseApi(this RouteGroupBuilder api)
    {
        api.MapPost("/units/{unitId}/cases", RegisterCase)
            .WithName("RegisterCase").WithSummary("Registers a case at a unit (登记); Idempotency-Key makes retries safe.").WithTags("Cases")
            .RequirePermission(Permission.RegisterCase)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var cases = api.MapGroup("/cases/{caseNumber}").WithTags("Cases");
        cases.MapGet("", GetCase).WithName("GetCase").WithSummary("A case by number: status, unit, deadlines, mediator and trail.")
            .RequirePermission(Permission.ReadCase).ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapGet("/trail.csv", GetTrailCsv).WithName("GetCaseTrailCsv").WithSummary("The case's audit trail as CSV.")
            .RequirePermission(Permission.ReadCase).Produces<string>(contentType: "text/csv").ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapGet("/access-log", GetAccessLog).WithName("GetCaseAccessLog").WithSummary("Who read the parties unmasked, and when (PIPL).")
            .RequirePermission(Permission.ReadAccessLog).ProducesProblem(StatusCodes.Status404NotFound);

        var actions = cases.MapGroup("").WithTags("Case actions").RequirePermission(Permission.ActOnCase)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        actions.MapPost("/sign", ([AsParameters] CaseActionContext context) =>
                context.ActAsync(actor => new AcceptCase(actor)))
            .WithName("SignCase").WithSummary("The assigned mediator signs for the task (签收).");
        actions.MapPost("/sessions", ([AsParameters] CaseActionContext context, SessionRequest? request) =>
                context.ActAsync(actor => new HoldSession(actor, request?.JointDepartments ?? [], request?.Note)))
            .WithName("HoldSession").WithSummary("A mediation session, possibly joint with stationed departments (调处).");
        actions.MapPost("/resolve", ([AsParameters] CaseActionContext context, ResolveRequest? request) =>
                context.ActAsync(actor => new ResolveCase(actor, request?.JudicialConfirmation ?? false)))
            .WithName("ResolveCase").WithSummary("Agreement reached (调解成功).");
        actions.MapPost("/fail", ([AsParameters] CaseActionContext context, ReasonRequest request) =>
                context.ActAsync(actor => new FailCase(actor, request.Reason)))
            .WithName("FailCase").WithSummary("Mediation failed at this level.");
        actions.MapPost("/escalate", ([AsParameters] CaseActionContext context, ReasonRequest request) =>
                context.ActAsync(actor => new EscalateCase(actor, EscalationKind.Failure, "", Level.City, request.Reason)))
            .WithName("EscalateCase").WithSummary("Sends a failed case one level up (网格吹哨 at a grid).");
        actions.MapPost("/refer", ([AsParameters] CaseActionContext context, ReferRequest request) =>
                context.ActAsync(actor => new ReferCase(actor, request.Target, request.Reason)))
            .WithName("ReferCase").WithSummary("Refers a failed case to arbitration or litigation.");
        actions.MapPost("/close", ([AsParameters] CaseActionContext context) =>
                context.ActAsync(actor => new CloseCase(actor)))
            .WithName("CloseCase").WithSummary("Closes a resolved or referred case (办结).");
        actions.MapPost("/follow-up", ([AsParameters] CaseActionContext context, FollowUpRequest request) =>
                context.ActAsync(actor => new FollowUpCase(actor, request.Satisfaction)))
            .WithName("FollowUpCase").WithSummary("Records the follow-up call and the party's satisfaction, 1 to 5 (回访).");
        return api;
    }

    public static async Task<Results<Created<CaseView>, Ok<CaseView>, ValidationProblem, ProblemHttpResult>> RegisterCase(
        string unitId,
        IntakeRequest request,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        GovernanceUser user,
        CityDirectory directory,
        CaseAccess access,
        IGrainFactory grains,
        HttpContext http)
    {
        if (directory.Find(unitId) is not { } unit || !directory.Covers(user, unitId))
        {
            return Problems.NotFound($"Unit {unitId}");
        }

        if (request.Problems() is { Count: > 0 } problems)
        {
            return TypedResults.ValidationProblem(problems, title: "The case cannot be registered as sent");
        }

        if (idempotencyKey is { Length: 0 or > MaxIdempotencyKey })
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "Bad Idempotency-Key", IdempotencyKeyHeader, $"{IdempotencyKeyHeader} must be 1 to {MaxIdempotencyKey} characters.");
        }

        var intake = request.ToIntake(unit.Ref);
        var (receipt, created) = (default(CaseReceipt), true);
        if (idempotencyKey is null)
        {
            receipt = await grains.RegisterNewAsync(intake, user.Actor);
        }
        else
        {
            var outcome = await grains.GetGrain<IIntakeRequestGrain>($"{user.Id}\n{idempotencyKey}")
                .RegisterAsync(IntakeFingerprint.Of(unitId, request), intake, user.Actor);
            if (outcome.KeyReused)
            {
                return Problems.Field(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused", IdempotencyKeyHeader,
                    $"{IdempotencyKeyHeader} '{idempotencyKey}' was already used for a different request; use a new key for a new case.");
            }

            (receipt, created) = (outcome.Receipt!, outcome.Created);
        }

        // The clerk already holds what they sent: the answer is masked and needs no access-log entry.
        var file = await grains.GetCase(receipt.CaseId).GetAsync();
        var view = CaseView.Of(file, unmasked: false, directory);
        CaseVersion.Set(http, file.Trail.Count);
        return created ? TypedResults.Created($"/api/v1/cases/{Uri.EscapeDataString(file.CaseId)}", view) : TypedResults.Ok(view);
    }

    public static async Task<Results<Ok<CaseView>, ProblemHttpResult>> GetCase(string caseNumber, GovernanceUser user, CaseAccess access, HttpContext http)
    {
        if (await access.FindAsync(user, caseNumber) is not { } file)
        {
            return Problems.NotFound($"Case {caseNumber}");
        }

        CaseVersion.Set(http, file.Trail.Count);
        return TypedResults.Ok(await access.ViewAsync(user, file, "read"));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetTrailCsv(string caseNumber, GovernanceUser user, CaseAccess access)
    {
        return await access.FindAsync(user, caseNumber) is { } file
            ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(TrailCsv.Write(file)), "text/csv; charset=utf-8", $"{caseNumber}-trail.csv")
            : Problems.NotFound($"Case {caseNumber}");
    }

    public static async Task<Results<Ok<IReadOnlyList<AccessRecord>>, ProblemHttpResult>> GetAccessLog(string caseNumber, GovernanceUser user, CaseAccess access, IGrainFactory grains)
    {
        return await access.FindAsync(user, caseNumber) is { } file
            ? TypedResults.Ok(await grains.GetGrain<ICaseAccessLogGrain>(file.CaseId).GetAsync())
            : Problems.NotFound($"Case {caseNumber}");
    }
}
