namespace Orleans.Governance.Simulation.Tests.Properties;

/// <summary>The whole-run properties on random variations of the sample city, run by the real simulator and grains.</summary>
public sealed class WholeRunProperties(WholeRunFixture fixture) : IClassFixture<WholeRunFixture>
{
    [Fact]
    public void Every_case_admitted_at_a_level_is_resolved_referred_escalated_or_still_active_there() => fixture.Holds("conservation");

    [Fact]
    public void Every_registered_case_is_found_once_and_none_is_lost_or_invented() => fixture.Holds("acknowledged-set");

    [Fact]
    public void No_case_is_held_by_two_desks_and_each_is_where_its_file_says() => fixture.Holds("single-desk");

    [Fact]
    public void Every_roll_up_equals_the_sum_of_the_units_it_covers() => fixture.Holds("roll-up");

    [Fact]
    public void Littles_law_holds_at_every_level() => fixture.Holds("littles-law");

    [Fact]
    public void The_same_seed_gives_the_same_json() => fixture.Holds("same-seed-same-json");
}
