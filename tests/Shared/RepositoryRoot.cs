namespace Orleans.Governance.Tests.Shared;

/// <summary>The folder of Orleans.Governance.sln above the running tests, for the scripts under deploy/.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Orleans.Governance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Orleans.Governance.sln above {AppContext.BaseDirectory}.");
    }
}
