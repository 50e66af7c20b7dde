using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Domain;

/// <summary>A unit's level became typed; on the wire it keeps the shape it had as text, so silos of both versions load each other's cities.</summary>
public sealed class UnitDefinitionWireTests
{
    /// <summary>A unit as Orleans serialized it while its level was the string "county" (field 2).</summary>
    private const string WrittenWithLevelAsText =
        "20E84007742D31410DE794B2E58EBF410D636F756E747941037431011753F76F63526561644F6E6C794C697374496E74657266616365436F64656360315B5B676F762E6D65646961746F722D7465616D5D5D000321E8401FE7BBBCE59088E8B083E8A7A3E7BB840109C1010105E0E0310168E48F9537676F762E6465706172746D656E742D646566696E6974696F6E5B5DE0C101E0";

    private static readonly UnitDefinition s_county = new()
    {
        Id = "t-1", Name = "甲县", Level = Level.County, Parent = "t", Mediators = [new MediatorTeam { Name = "综合调解组", Count = 2 }],
    };

    [Fact]
    public void A_unit_is_written_as_it_was_while_its_level_was_text()
    {
        Assert.Equal(WrittenWithLevelAsText, Convert.ToHexString(DomainSerializer.Instance.SerializeToArray(s_county)));
    }

    [Fact]
    public void A_unit_written_while_its_level_was_text_is_read_with_its_level()
    {
        var read = Assert.IsType<UnitDefinition>(DomainSerializer.Instance.Deserialize<UnitDefinition>(Convert.FromHexString(WrittenWithLevelAsText)));

        Assert.Equal((s_county.Id, s_county.Name, Level.County, s_county.Parent), (read.Id, read.Name, read.Level, read.Parent));
        Assert.Equal(s_county.Mediators, read.Mediators);
    }
}
