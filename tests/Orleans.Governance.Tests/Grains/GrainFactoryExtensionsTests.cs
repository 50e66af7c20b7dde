using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class GrainFactoryExtensionsTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData(Level.Grid)]
    [InlineData(Level.Village)]
    [InlineData(Level.City)]
    public void A_unit_reference_points_at_the_grain_Orleans_itself_would_resolve(Level level)
    {
        var client = fixture.Client;
        IAddressable expected = level == Level.Grid ? client.GetGrain<IGridGrain>("u-1") : client.GetGrain<ICentreGrain>("u-1");

        var unit = client.GetUnit(new UnitRef("u-1", level));

        Assert.Equal(expected.GetGrainId(), unit.GetGrainId());
        Assert.Equal(((GrainReference)expected).InterfaceType, ((GrainReference)unit).InterfaceType);
    }

    [Fact]
    public void A_case_reference_points_at_the_case_grain_of_that_id()
    {
        var client = fixture.Client;

        Assert.Equal(client.GetGrain<ICaseGrain>("case-7").GetGrainId(), client.GetCase("case-7").GetGrainId());
        Assert.NotEqual(client.GetCase("case-7").GetGrainId(), client.GetCase("case-8").GetGrainId());
    }
}
