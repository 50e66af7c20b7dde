namespace Orleans.Governance.Grains.Storage;

/// <summary>
/// Marks a grain constructor's <see cref="IPersistentState{TState}"/> parameter that reads and
/// writes through the named grain storage within the grain's own turn (see
/// <see cref="DirectPersistentState{TState}"/>); for grains that are not reentrant.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class DirectStateAttribute(string stateName, string storageName) : Attribute, IFacetMetadata
{
    public string StateName { get; } = stateName;

    public string StorageName { get; } = storageName;
}
