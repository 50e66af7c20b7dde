namespace Orleans.Governance.Abstractions;

/// <summary>Names of the grain storage providers the grains use.</summary>
public static class StorageNames
{
    /// <summary>Cases, units and cities.</summary>
    public const string Governance = "governance";
}
