using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Tests.Domain;

public sealed class SharedTrailTests
{
    private static AuditEntry Entry(int minute) =>
        new(DateTimeOffset.UnixEpoch.AddMinutes(minute), "actor", CaseAction.Supervise, "unit", Level.Grid);

    [Fact]
    public void Every_version_keeps_exactly_its_own_entries_when_an_older_one_is_appended_to()
    {
        var one = SharedTrail.Empty.Append(Entry(1));
        var two = one.Append(Entry(2));
        var branch = one.Append(Entry(3));
        var three = two.Append(Entry(4));

        Assert.Empty(SharedTrail.Empty);
        Assert.Equal([1], one.Select(e => e.At.Minute));
        Assert.Equal([1, 2], two.Select(e => e.At.Minute));
        Assert.Equal([1, 3], branch.Select(e => e.At.Minute));
        Assert.Equal([1, 2, 4], three.Select(e => e.At.Minute));
        Assert.Throws<ArgumentOutOfRangeException>(() => two[2]);
    }

    [Fact]
    public void A_trail_grown_past_its_buffer_keeps_every_entry_in_order()
    {
        var trail = SharedTrail.Empty;
        for (var minute = 0; minute < 50; minute++)
        {
            trail = trail.Append(Entry(minute));
        }

        Assert.Equal(Enumerable.Range(0, 50), trail.Select(e => e.At.Minute));
        Assert.Equal(49, trail[^1].At.Minute);
    }

    [Fact]
    public void Evolving_a_file_that_starts_from_a_shared_trail_gives_the_same_entries_as_from_an_array()
    {
        var entries = Enumerable.Range(0, 12).Select(Entry).ToList();
        var shared = CaseFile.Empty("c") with { Trail = SharedTrail.Empty };
        var array = CaseFile.Empty("c");
        foreach (var entry in entries)
        {
            (shared, array) = (CaseLifecycle.Evolve(shared, entry), CaseLifecycle.Evolve(array, entry));
        }

        Assert.IsType<SharedTrail>(shared.Trail);
        Assert.IsType<AuditEntry[]>(array.Trail);
        Assert.Equal(array.Trail, shared.Trail);
    }
}
