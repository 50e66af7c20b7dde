using System.Text.RegularExpressions;
using Orleans.Governance.Api.Identity;
using Orleans.Governance.Domain.Access;
using Orleans.Governance.Tests.Shared;

namespace Orleans.Governance.Api.Tests;

/// <summary>docs/api.md prints the role table; it must say what <see cref="RoleTable"/> does.</summary>
public sealed partial class RoleTableDocsTests
{
    [Fact]
    public async Task The_role_table_in_the_docs_is_the_role_table_in_Domain()
    {
        var docs = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "docs", "api.md"));
        var table = DocsTable().Match(docs);
        Assert.True(table.Success, "docs/api.md has no table between <!-- role-table:start --> and <!-- role-table:end -->.");

        var rows = table.Groups["table"].Value.Trim().Split('\n').Select(r => r.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray()).ToArray();
        var permissions = rows[0].Skip(1).Select(Enum.Parse<Permission>).ToArray();
        Assert.Equal(Enum.GetValues<Permission>().Order(), permissions.Order());

        var documented = rows.Skip(2).ToDictionary(
            r => Enum.GetValues<Role>().Single(role => GovernanceUser.RoleName(role) == r[0]),
            r => permissions.Where((_, i) => r[i + 1] == "✓").Order().ToArray());
        Assert.Equal(Enum.GetValues<Role>().Order(), documented.Keys.Order());
        foreach (var (role, granted) in RoleTable.Grants)
        {
            Assert.Equal(granted.Order(), documented[role]);
        }
    }

    [GeneratedRegex(@"<!-- role-table:start -->(?<table>.*?)<!-- role-table:end -->", RegexOptions.Singleline)]
    private static partial Regex DocsTable();
}
