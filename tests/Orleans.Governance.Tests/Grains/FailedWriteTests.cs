using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Grains;

/// <summary>
/// A write that fails leaves the activation unsure of what is stored. The retry a client makes
/// must then be answered from what is stored, never from the activation's memory: otherwise a
/// transition that was never written would be acknowledged.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FailedWriteTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_retried_command_after_a_failed_write_is_acknowledged_only_once_stored(bool storedBeforeTheFailure)
    {
        var plan = await fixture.LoadAsync(TestCities.Chain());
        var id = $"case-{Guid.NewGuid():N}";
        var grain = fixture.Client.GetGrain<ICaseGrain>(id);
        var registered = await fixture.Client.RegisterAsync(id, CaseDriver.Report(plan.At(Level.Grid)));
        var accept = new AcceptCase(registered.MediatorId!);

        fixture.Faults.FailNextWrite(grain.GetGrainId(), storedBeforeTheFailure);
        var failure = await Assert.ThrowsAsync<OrleansException>(() => grain.ExecuteAsync(accept));
        Assert.IsType<IOException>(failure.GetBaseException());
        var retried = await grain.ExecuteAsync(accept);
        await fixture.Cluster.DeactivateAsync(grain); // what is stored is all that is left
        var stored = await grain.GetAsync();

        Assert.Null(retried.Refusal);
        Assert.Equal((CaseStatus.Accepted, CaseStatus.Accepted), (retried.Status, stored.Status));
        Assert.Single(stored.Trail, e => e.Action == CaseAction.Accept);
    }
}
