using FsCheck;
using FsCheck.Experimental;
using FsCheck.Fluent;

namespace Orleans.Governance.Tests.Properties;

/// <summary>One step of the machine: the model runs it, the grain runs it, and they must agree.</summary>
public sealed class LifecycleOperation(LifecycleStep step) : Operation<CaseUnderTest, LifecycleModel>
{
    public LifecycleStep Step { get; } = step;

    public override LifecycleModel Run(LifecycleModel model) => model.Run(Step);

    public override Property Check(CaseUnderTest actual, LifecycleModel model) =>
        actual.Step(Step, model) is { } divergence ? false.Label(divergence) : true.ToProperty();

    public override string ToString() => Step.ToString();
}
