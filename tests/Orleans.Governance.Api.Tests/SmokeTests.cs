using System.Net;
using Orleans.Governance.Api.Tests.Support;
using Orleans.Governance.Domain.Access;

namespace Orleans.Governance.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class SmokeTests(ApiHost host)
{
    [Fact]
    public async Task A_unit_of_the_city_is_served_to_its_leader()
    {
        var client = host.ClientFor(Role.CentreLeader, "sample-01");
        var response = await client.GetAsync("/api/v1/units/sample-01");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
