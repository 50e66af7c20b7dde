using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Kernel;

namespace Orleans.Governance.Api.Errors;

/// <summary>
/// Turns what a request could not get past into problem details: a body that is not the JSON
/// asked for (naming the path), a body too large, an identity without its claims, a cluster that
/// is busy or still loading its city. Only a fault of our own stays a 500, logged.
/// </summary>
public sealed partial class GovernanceExceptionHandler(IProblemDetailsService problems, ILogger<GovernanceExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => Problem(StatusCodes.Status400BadRequest, "Malformed request body",
                $"The body is not valid for this request: {json.Message}", ("field", json.Path ?? "$")),
            BadHttpRequestException bad => Problem(bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request", bad.Message),
            UnauthorizedAccessException denied => Problem(StatusCodes.Status403Forbidden, "Forbidden", denied.Message),
            UnitNotConfiguredException unit => Problem(StatusCodes.Status503ServiceUnavailable, "City not loaded",
                $"Unit {unit.UnitId} is not loaded yet; retry shortly.", ("rule", "city-loaded")),
            TimeoutException or OrleansException or OperationCanceledException => Problem(StatusCodes.Status503ServiceUnavailable, "Cluster unavailable",
                "The cluster did not answer in time; retry shortly. An acknowledged case is never lost.", ("rule", "cluster-available")),
            _ => null,
        };
        if (problem is null)
        {
            LogUnhandled(logger, exception, http.Request.Method, http.Request.Path);
            problem = Problem(StatusCodes.Status500InternalServerError, "Internal error", "The request failed on our side and was logged.");
        }
        else if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = "5";
        }

        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Problem(int status, string title, string detail, params (string Key, string Value)[] extensions)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    [LoggerMessage(1, LogLevel.Error, "Unhandled failure of {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
