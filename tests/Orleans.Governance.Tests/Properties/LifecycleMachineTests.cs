using FsCheck.Experimental;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Properties;

/// <summary>The case lifecycle, model against real grains on the shared cluster and its fake clock.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LifecycleMachineTests(ClusterFixture fixture)
{
    [Fact]
    public Task Case_grains_agree_with_the_lifecycle_model_after_every_step() =>
        // FsCheck blocks on each grain call: off the test's thread, on the pool.
        Task.Run(() => PropertyRuns.Check(new LifecycleMachine(fixture).ToProperty(), ciDefault: 80, endSize: 25));
}
