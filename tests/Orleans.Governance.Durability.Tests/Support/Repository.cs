using Orleans.Governance.Tests.Shared;

namespace Orleans.Governance.Durability.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repository
{
    public static string Root => RepositoryRoot.Path;

    public static string Script(string relative) => Path.Combine(Root, relative);
}
