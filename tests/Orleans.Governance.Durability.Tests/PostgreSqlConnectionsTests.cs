using Npgsql;
using Orleans.Governance.Silo.Hosting;

namespace Orleans.Governance.Durability.Tests;

public sealed class PostgreSqlConnectionsTests
{
    [Fact]
    public void The_silo_prepares_the_providers_statements_and_keeps_pooled_connections_as_they_are()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgreSqlConnections.Tuned("Host=db;Database=governance;Username=gov"));

        Assert.Equal(32, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("governance", tuned.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;maxautoprepare=0;noresetonclose=false")]
    public void What_the_operator_wrote_wins(string connectionString)
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgreSqlConnections.Tuned(connectionString));

        Assert.Equal(0, tuned.MaxAutoPrepare);
        Assert.False(tuned.NoResetOnClose);
    }

    [Fact]
    public void Tuning_twice_changes_nothing_more()
    {
        var once = PostgreSqlConnections.Tuned("Host=db;Database=governance");

        Assert.Equal(once, PostgreSqlConnections.Tuned(once));
    }
}
