namespace Orleans.Governance.Durability.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Script(string relative) => Path.Combine(Root, relative);

    /// <summary>The silo host built beside the tests (the project reference copies it here).</summary>
    public static string SiloAssembly => Path.Combine(AppContext.BaseDirectory, "Orleans.Governance.Silo.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Orleans.Governance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Orleans.Governance.sln above {AppContext.BaseDirectory}.");
    }
}
