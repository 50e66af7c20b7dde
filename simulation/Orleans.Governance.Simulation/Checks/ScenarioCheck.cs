using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace Orleans.Governance.Simulation.Checks;

/// <summary>
/// Runs whole-run properties with FsCheck over random variations of a scenario. Every property
/// starts from the same seed, so they see the same variations (and share their runs); a failure
/// is shrunk to the smallest variation that still fails, and the same seed replays it.
/// </summary>
public sealed class ScenarioCheck(RunChecker checker, Arbitrary<ScenarioVariation> variations, ICheckProgress? progress = null)
{
    public IReadOnlyList<PropertyOutcome> Run(IEnumerable<RunProperty> properties, int maxTests, ulong seed, CancellationToken cancellationToken = default) =>
        [.. properties.Select(property => Check(property, maxTests, seed, cancellationToken))];

    public PropertyOutcome Check(RunProperty property, int maxTests, ulong seed, CancellationToken cancellationToken = default)
    {
        progress?.Started(property, maxTests);
        var capture = new OutcomeCapture(property, progress, cancellationToken);
        var config = Config.Quick
            .WithMaxTest(maxTests)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)))
            .WithRunner(capture);
        FsCheck.Check.One(config, Prop.ForAll(variations, variation =>
            Violation(property, variation, cancellationToken) is { } violation ? false.Label(violation) : true.ToProperty()));

        // A cancelled run throws, which FsCheck counts as a failure: no verdict, then.
        cancellationToken.ThrowIfCancellationRequested();
        var outcome = capture.Result switch
        {
            TestResult.Failed failed => new PropertyOutcome(
                property,
                failed.Item1.NumberOfTests,
                failed.Item1.NumberOfShrinks,
                (ScenarioVariation)failed.Item2.Head,
                (ScenarioVariation)failed.Item3.Head,
                Violation(property, (ScenarioVariation)failed.Item3.Head, cancellationToken) ?? $"(the shrunk variation passed when run again: {failed.Item4})"),
            TestResult.Passed passed => new PropertyOutcome(property, passed.Item1.NumberOfTests, 0, null, null, null),
            var other => throw new InvalidOperationException($"FsCheck ended {property.Name} with {other}."),
        };
        progress?.Finished(outcome);
        return outcome;
    }

    /// <summary>The property's violation in the variation's run, or why the run itself failed.</summary>
    private string? Violation(RunProperty property, ScenarioVariation variation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return property.FindViolationAsync(checker, variation, cancellationToken).GetAwaiter().GetResult();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return $"the run failed: {e.GetType().Name}: {e.Message}";
        }
    }
}
