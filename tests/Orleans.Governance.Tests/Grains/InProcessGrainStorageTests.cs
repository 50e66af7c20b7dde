using Microsoft.Extensions.DependencyInjection;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Grains.Storage;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.Governance.Tests.Grains;

/// <summary>The embedded storage keeps the grain-storage contract: isolation, versions, stale writers refused.</summary>
public sealed class InProcessGrainStorageTests
{
    private const string Desk = "desk";

    private static readonly GrainId s_unit = GrainId.Create("unit", "t-01");

    private readonly InProcessGrainStorage _storage = ActivatorUtilities.CreateInstance<InProcessGrainStorage>(
        new ServiceCollection().AddSerializer(serializer => serializer.AddAssembly(typeof(DeskState).Assembly)).BuildServiceProvider());

    [Fact]
    public async Task A_grain_never_written_reads_a_fresh_state_without_a_record()
    {
        var state = await ReadAsync(s_unit);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Empty(state.State!.Open);
    }

    [Fact]
    public async Task What_was_written_reads_back_and_later_changes_on_either_side_do_not_reach_the_store()
    {
        var written = new GrainState<DeskState>(Holding("case-1"));
        await _storage.WriteStateAsync(Desk, s_unit, written);

        written.State!.Open.Add("case-2", Open("case-2"));
        written.State!.Open["case-1"].Status = CaseStatus.Accepted;
        var read = await ReadAsync(s_unit);
        read.State!.Counters.Admitted = 99;

        var again = await ReadAsync(s_unit);
        Assert.True(again.RecordExists);
        Assert.Equal(written.ETag, again.ETag);
        Assert.Equal(["case-1"], again.State!.Open.Keys);
        Assert.Equal(CaseStatus.Triaged, again.State!.Open["case-1"].Status);
        Assert.Equal(1, again.State!.Counters.Admitted);
    }

    [Fact]
    public async Task Each_write_moves_the_version_on_and_a_writer_holding_an_older_one_is_refused_without_a_change()
    {
        var first = new GrainState<DeskState>(Holding("case-1"));
        await _storage.WriteStateAsync(Desk, s_unit, first);
        var stale = await ReadAsync(s_unit);
        await _storage.WriteStateAsync(Desk, s_unit, first);
        Assert.NotEqual(stale.ETag, first.ETag);

        stale.State!.Open.Clear();
        var refused = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(Desk, s_unit, stale));

        Assert.Equal(first.ETag, refused.StoredEtag);
        Assert.Equal(["case-1"], (await ReadAsync(s_unit)).State!.Open.Keys);
    }

    [Fact]
    public async Task A_second_first_write_is_refused()
    {
        await _storage.WriteStateAsync(Desk, s_unit, new GrainState<DeskState>(Holding("case-1")));

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(Desk, s_unit, new GrainState<DeskState>(Holding("case-9"))));
        Assert.Equal(["case-1"], (await ReadAsync(s_unit)).State!.Open.Keys);
    }

    [Fact]
    public async Task Clearing_removes_the_record_only_for_the_current_version()
    {
        var current = new GrainState<DeskState>(Holding("case-1"));
        await _storage.WriteStateAsync(Desk, s_unit, current);
        var stale = await ReadAsync(s_unit);
        await _storage.WriteStateAsync(Desk, s_unit, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.ClearStateAsync(Desk, s_unit, stale));
        Assert.True((await ReadAsync(s_unit)).RecordExists);

        await _storage.ClearStateAsync(Desk, s_unit, current);
        Assert.False(current.RecordExists);
        Assert.Null(current.ETag);
        Assert.False((await ReadAsync(s_unit)).RecordExists);
    }

    [Fact]
    public async Task Grains_and_state_names_are_kept_apart()
    {
        var other = GrainId.Create("unit", "t-02");
        await _storage.WriteStateAsync(Desk, s_unit, new GrainState<DeskState>(Holding("case-1")));
        await _storage.WriteStateAsync(Desk, other, new GrainState<DeskState>(Holding("case-2")));

        Assert.Equal(["case-1"], (await ReadAsync(s_unit)).State!.Open.Keys);
        Assert.Equal(["case-2"], (await ReadAsync(other)).State!.Open.Keys);
        Assert.False((await ReadAsync(s_unit, "profile")).RecordExists);
    }

    private async Task<GrainState<DeskState>> ReadAsync(GrainId grain, string stateName = Desk)
    {
        var state = new GrainState<DeskState>();
        await _storage.ReadStateAsync(stateName, grain, state);
        return state;
    }

    private static DeskState Holding(string caseId)
    {
        var desk = new DeskState();
        desk.Open.Add(caseId, Open(caseId));
        desk.Counters.Admitted = 1;
        return desk;
    }

    private static OpenCase Open(string caseId) => new() { CaseId = caseId, Type = CaseType.Neighbour, Status = CaseStatus.Triaged };
}
