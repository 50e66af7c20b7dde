using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Orleans.Governance.Api.Identity;

/// <summary>Refusals at the door, as problem details that say what was wrong with the token (expired, forged, missing) or the pace.</summary>
public static class TokenProblems
{
    public static async Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var detail = context.AuthenticateFailure switch
        {
            null => "A bearer token is required (Authorization: Bearer <token>).",
            Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException expired => $"The token expired at {expired.Expires:O}.",
            Microsoft.IdentityModel.Tokens.SecurityTokenInvalidSignatureException or Microsoft.IdentityModel.Tokens.SecurityTokenSignatureKeyNotFoundException
                => "The token's signature does not verify: it was not issued by this city's authority.",
            Microsoft.IdentityModel.Tokens.SecurityTokenInvalidAudienceException => "The token was issued for another audience.",
            Microsoft.IdentityModel.Tokens.SecurityTokenInvalidIssuerException => "The token was issued by an unknown issuer.",
            _ => "The token is not valid.",
        };
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Unauthenticated", detail, "token");
    }

    public static Task WriteForbiddenAsync(ForbiddenContext context) =>
        WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden",
            "Your role may not do this (see the role table in docs/api.md).", "role");

    public static async ValueTask WriteRateLimitedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        if (context.Lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter))
        {
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests", "Slow down and retry after the time in Retry-After.", "rate-limit");
    }

    private static async Task WriteAsync(HttpContext http, int status, string title, string detail, string rule)
    {
        http.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { ["rule"] = rule } };
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
