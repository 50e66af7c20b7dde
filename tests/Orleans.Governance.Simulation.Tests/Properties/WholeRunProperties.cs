using Orleans.Governance.Simulation.Hosts;

namespace Orleans.Governance.Simulation.Tests.Properties;

/// <summary>The whole-run properties on random variations of the sample city, run by the real simulator on each host: the kernel's handlers and the production grains.</summary>
public sealed class WholeRunProperties(WholeRunFixture fixture) : IClassFixture<WholeRunFixture>
{
    public static TheoryData<HostKind> Hosts => [HostKind.Kernel, HostKind.Grains];

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Every_case_admitted_at_a_level_is_resolved_referred_escalated_or_still_active_there(HostKind host) => fixture.Holds("conservation", host);

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Every_registered_case_is_found_once_and_none_is_lost_or_invented(HostKind host) => fixture.Holds("acknowledged-set", host);

    [Theory]
    [MemberData(nameof(Hosts))]
    public void No_case_is_held_by_two_desks_and_each_is_where_its_file_says(HostKind host) => fixture.Holds("single-desk", host);

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Every_roll_up_equals_the_sum_of_the_units_it_covers(HostKind host) => fixture.Holds("roll-up", host);

    [Theory]
    [MemberData(nameof(Hosts))]
    public void Littles_law_holds_at_every_level(HostKind host) => fixture.Holds("littles-law", host);

    [Theory]
    [MemberData(nameof(Hosts))]
    public void The_same_seed_gives_the_same_json(HostKind host) => fixture.Holds("same-seed-same-json", host);

    /// <summary>The proof that the kernel host may stand in for the grains: 30 random variations in CI.</summary>
    [Fact]
    public void The_kernel_host_and_the_production_grains_give_the_same_run() => fixture.Holds("both-hosts", HostKind.Kernel, ciTests: 30);
}
