namespace Orleans.Governance.Simulation.Checks;

/// <summary>Receives a check's progress: a property starts, one of its tests ran, it shrinks a counterexample, it is done.</summary>
public interface ICheckProgress
{
    void Started(RunProperty property, int maxTests);

    void Tested(RunProperty property, int test, ScenarioVariation variation);

    void Shrinking(RunProperty property, ScenarioVariation variation);

    void Finished(PropertyOutcome outcome);
}
