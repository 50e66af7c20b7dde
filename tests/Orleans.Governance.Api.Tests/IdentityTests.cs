using System.Net;
using System.Net.Http.Headers;
using Orleans.Governance.Api.Identity;
using Orleans.Governance.Api.Tests.Support;
using Orleans.Governance.Domain.Access;

namespace Orleans.Governance.Api.Tests;

/// <summary>The door: no token, an expired one, a forged one are 401 problems that say which.</summary>
[Collection(ApiCollection.Name)]
public sealed class IdentityTests(ApiHost host)
{
    private const string Path = "/api/v1/units/sample-01";

    private async Task<Answer> GetWith(string? token)
    {
        var client = host.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Calls.GetAsync(client, Path);
    }

    [Fact]
    public async Task No_token_is_401_problem_asking_for_one()
    {
        var answer = await GetWith(null);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("Bearer", answer.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", answer.ContentHeaders?.ContentType?.MediaType);
        Assert.Contains("bearer token is required", (string)answer.Json["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_token_is_401_problem_saying_it_expired()
    {
        var token = DevelopmentTokens.Mint(host.Options, "late@sample-01", Role.CentreLeader, "sample-01", null, TimeSpan.FromHours(1), DateTimeOffset.UtcNow.AddHours(-3));
        var answer = await GetWith(token);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentHeaders?.ContentType?.MediaType);
        Assert.StartsWith("The token expired at", (string)answer.Json["detail"]!, StringComparison.Ordinal);
        Assert.Equal("token", (string?)answer.Json["rule"]);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401_problem_saying_the_signature_does_not_verify()
    {
        var forger = new ApiOptions { DevelopmentSigningKey = "a-forgers-signing-key-0123456789abcdef" };
        var token = DevelopmentTokens.Mint(forger, "forger@sample", Role.CityAdministrator, "sample", null, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
        var answer = await GetWith(token);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentHeaders?.ContentType?.MediaType);
        Assert.Contains("signature does not verify", (string)answer.Json["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401()
    {
        var other = new ApiOptions { DevelopmentSigningKey = host.Options.DevelopmentSigningKey, Audience = "someone-else" };
        var answer = await GetWith(DevelopmentTokens.Mint(other, "x", Role.CentreLeader, "sample-01", null, TimeSpan.FromHours(1), DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Contains("audience", (string)answer.Json["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Garbage_is_401_not_a_500()
    {
        var answer = await GetWith("not.a.token");
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
    }

    [Fact]
    public async Task A_valid_token_passes()
    {
        Assert.Equal(HttpStatusCode.OK, (await GetWith(host.TokenFor(Role.CentreLeader, "sample-01"))).Status);
    }
}
