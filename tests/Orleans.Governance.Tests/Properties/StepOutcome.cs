namespace Orleans.Governance.Tests.Properties;

/// <summary>What the model expects the receipt of a step to say.</summary>
public enum StepOutcome
{
    /// <summary>A clock advance: no receipt.</summary>
    None,
    Accepted,
    Refused,
}
