using FsCheck;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;

namespace Orleans.Governance.Simulation.Checks;

/// <summary>
/// An FsCheck runner that keeps the result instead of printing it, and reports each test and
/// shrink as progress; once the check is cancelled, FsCheck takes the cancelled runs for failures
/// and shrinks them, which is not news.
/// </summary>
internal sealed class OutcomeCapture(RunProperty property, ICheckProgress? progress, CancellationToken cancellation) : IRunner
{
    public TestResult? Result { get; private set; }

    public void OnStartFixture(Type t)
    {
    }

    public void OnArguments(int ntest, FSharpList<object> args, FSharpFunc<int, FSharpFunc<FSharpList<object>, string>> every)
    {
        if (args.Head is ScenarioVariation variation)
        {
            progress?.Tested(property, ntest, variation);
        }
    }

    public void OnShrink(FSharpList<object> args, FSharpFunc<FSharpList<object>, string> everyShrink)
    {
        if (args.Head is ScenarioVariation variation && !cancellation.IsCancellationRequested)
        {
            progress?.Shrinking(property, variation);
        }
    }

    public void OnFinished(string name, TestResult testResult) => Result = testResult;
}
