using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;
using Orleans.Governance.Api.Cases;
using Orleans.Governance.Api.Errors;
using Orleans.Governance.Api.Identity;
using Orleans.Governance.Api.Jurisdiction;
using Orleans.Governance.Api.Open311;
using Orleans.Governance.Api.Page;
using Orleans.Governance.Api.Public;
using Orleans.Governance.Api.Units;
using Orleans.Governance.Domain.City;
using Scalar.AspNetCore;

namespace Orleans.Governance.Api;

/// <summary>Registers and maps the front door: identity, the role table's policies, problem details, OpenAPI and the endpoints.</summary>
public static class GovernanceApi
{
    public const string Version1 = "/api/v1";

    /// <summary>JSON as the API speaks it: camelCase, enums by name, unknown fields and missing required ones refused.</summary>
    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.RespectNullableAnnotations = true;
        json.RespectRequiredConstructorParameters = true;
    }

    public static IServiceCollection AddGovernanceApi(this IServiceCollection services, ApiOptions options, CityPlan? city)
    {
        services.AddSingleton(options);
        services.AddSingleton(new CityDirectory(city));
        services.AddSingleton<CaseAccess>();
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(json => ConfigureJson(json.SerializerOptions));
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<GovernanceExceptionHandler>();
        services.AddOpenApi(openApi =>
        {
            // The API's own routes only: the dashboard and the probes are not part of the contract.
            openApi.ShouldInclude = endpoint => endpoint.RelativePath is { } path && (path.StartsWith("api/", StringComparison.Ordinal) || path.StartsWith("open311/", StringComparison.Ordinal));
            openApi.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
        });

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.Audience = options.Audience;
            jwt.TokenValidationParameters.NameClaimType = GovernanceClaims.Subject;
            jwt.TokenValidationParameters.RoleClaimType = GovernanceClaims.Role;
            jwt.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
            if (options.UsesDevelopmentKey)
            {
                jwt.TokenValidationParameters.ValidIssuer = ApiOptions.DevelopmentIssuer;
                jwt.TokenValidationParameters.ValidAudience = options.Audience;
                jwt.TokenValidationParameters.IssuerSigningKey = DevelopmentTokens.SigningKey(options.DevelopmentSigningKey!);
            }
            else
            {
                jwt.Authority = options.Authority;
            }

            jwt.Events = new JwtBearerEvents { OnChallenge = TokenProblems.WriteChallengeAsync, OnForbidden = TokenProblems.WriteForbiddenAsync };
        });
        services.AddAuthorizationBuilder().AddPermissionPolicies();

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = TokenProblems.WriteRateLimitedAsync;
            limiter.AddPolicy(PublicStatusApi.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PublicRequestsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            limiter.AddPolicy(Open311Api.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                Open311Api.PartitionKey(http, options),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.Open311RequestsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }

    /// <summary>The middleware the API needs, in order; call before <see cref="MapGovernanceApi"/>.</summary>
    public static WebApplication UseGovernanceApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseLeadersPageAssets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(Open311Api.ReadFormFirstAsync);
        app.UseRateLimiter();
        return app;
    }

    public static WebApplication MapGovernanceApi(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<ApiOptions>();
        var api = app.MapGroup(Version1).WithMetadata(new RequestSizeLimitAttribute(options.MaxRequestBodyBytes))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapCaseApi();
        api.MapUnitApi();
        api.MapOversightApi();
        api.MapPublicStatusApi();
        app.MapOpen311Api();

        app.MapLeadersPage();
        app.MapOpenApi();
        app.MapScalarApiReference("/api/docs", scalar => scalar.WithTitle("Orleans.Governance API").WithOpenApiRoutePattern("../../openapi/{documentName}.json"));
        return app;
    }
}
