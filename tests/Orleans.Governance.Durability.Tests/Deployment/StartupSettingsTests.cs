using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Governance.Durability.Tests.Support;
using Orleans.Governance.Silo.Hosting;

namespace Orleans.Governance.Durability.Tests.Deployment;

/// <summary>
/// Settings that must neither fail open nor shut for good: a database late at boot is waited for
/// (then exit 3, which systemd restarts), a switched state store and an in-memory cluster serving
/// the network are refused (exit 2, which it does not).
/// </summary>
[Collection(PostgreSqlCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class StartupSettingsTests(PostgreSqlFixture database)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_database_that_comes_up_during_the_wait_is_used()
    {
        var late = FreePort.Next();
        var siloPort = FreePort.Next();
        await using var silo = SiloProcess.Launch("late-db", siloPort, Settings(siloPort, ConnectionStringAt(late), "--Governance:DatabaseStartupWait=00:01:00"));

        await silo.Said("Database not reachable yet (try 1,").WaitAsync(Limit);
        await using var forwarder = new TcpProxy(PostgreSqlFixture.Port, late);
        await silo.Ready.WaitAsync(Limit);

        Assert.Contains("Database reached at try ", silo.Output);
    }

    [Fact]
    public async Task A_database_that_never_answers_stops_the_silo_with_the_exit_code_systemd_restarts()
    {
        var siloPort = FreePort.Next();
        await using var silo = SiloProcess.Launch("no-db", siloPort, Settings(siloPort, ConnectionStringAt(FreePort.Next()), "--Governance:DatabaseStartupWait=00:00:03"));

        var exitCode = await silo.Exited.WaitAsync(Limit);

        Assert.Equal(ExitCodes.DatabaseUnreachable, exitCode);
        Assert.Contains("Database not reachable yet (try 2,", silo.Output);
        Assert.Matches(@"Orleans.Governance silo cannot start: cannot reach PostgreSQL at 127\.0\.0\.1:\d+ \(.*\); .* gave up after \d+ tries in [34] s \(Governance:DatabaseStartupWait is 00:00:03\)", silo.Output);
    }

    [Fact]
    public async Task A_database_that_answers_no_is_not_waited_for()
    {
        var siloPort = FreePort.Next();
        var missing = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "gov_no_such_db" }.ConnectionString;
        await using var silo = SiloProcess.Launch("wrong-db", siloPort, Settings(siloPort, missing, "--Governance:DatabaseStartupWait=00:01:00"));

        var exitCode = await silo.Exited.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.BadConfiguration, exitCode);
        Assert.DoesNotContain("Database not reachable yet", silo.Output);
        Assert.Contains("gov_no_such_db does not exist", silo.Output);
    }

    [Theory]
    [InlineData(GrainStateStore.GroupCommit, GrainStateStore.AdoNet)]
    [InlineData(GrainStateStore.AdoNet, GrainStateStore.GroupCommit)]
    public async Task Switching_the_state_store_on_a_service_with_state_in_the_other_table_is_refused_unless_allowed(GrainStateStore written, GrainStateStore configured)
    {
        var service = $"switch-{Guid.NewGuid():N}";
        await WriteStateRowAsync(written, service);
        var (table, otherTable) = configured == GrainStateStore.GroupCommit ? ("governance_grain_state", "orleans_grain_state") : ("orleans_grain_state", "governance_grain_state");

        var refused = await DecideAsync(("Cluster", "PostgreSql"), ("ServiceId", service), ("StateStore", $"{configured}"));
        var problem = await PostgreSqlReadiness.StateStoreProblemAsync(database.ConnectionString, service, configured);
        var allowed = await DecideAsync(("Cluster", "PostgreSql"), ("ServiceId", service), ("StateStore", $"{configured}"), ("AllowStateStoreSwitch", "true"));
        var kept = await DecideAsync(("Cluster", "PostgreSql"), ("ServiceId", service), ("StateStore", $"{written}"));

        Assert.Equal((ExitCodes.BadConfiguration, null), (refused.ExitCode, refused.Options));
        Assert.Equal(
            $"Governance:StateStore is {configured}, which keeps grain state in {table}, but {otherTable} holds grain state of service '{service}' written with StateStore={written}, "
            + $"and {configured} would never read it. Keep Governance:StateStore={written}; there is no migration between the two tables, so to start this service over on {configured} "
            + $"delete its rows from {otherTable} or set Governance:AllowStateStoreSwitch=true (its cases there are then not read)",
            problem);
        Assert.Equal(0, allowed.ExitCode);
        Assert.Equal(0, kept.ExitCode);
    }

    [Fact]
    public async Task A_fresh_service_starts_on_either_store()
    {
        var service = $"fresh-{Guid.NewGuid():N}";

        Assert.Null(await PostgreSqlReadiness.StateStoreProblemAsync(database.ConnectionString, service, GrainStateStore.GroupCommit));
        Assert.Null(await PostgreSqlReadiness.StateStoreProblemAsync(database.ConnectionString, service, GrainStateStore.AdoNet));
    }

    [Theory]
    [InlineData("Urls", "http://0.0.0.0:8080", "Urls http://0.0.0.0:8080")]
    [InlineData("http_ports", "8080", "http_ports 8080 https_ports ")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://*:8080", "Kestrel:Endpoints http://*:8080")]
    public async Task An_embedded_silo_listening_beyond_loopback_needs_an_explicit_setting(string key, string value, string described)
    {
        var listening = new Dictionary<string, string?> { [key] = value, ["Governance:Api:Authority"] = "https://sso.city.example/realms/governance", ["Governance:CityFile"] = "" };
        if (key != "Urls")
        {
            listening["Urls"] = null;
        }

        var refused = await StartupCheck.DecideAsync(Configuration(listening), NullLogger.Instance, TimeProvider.System);
        var allowed = await StartupCheck.DecideAsync(Configuration(new(listening) { ["Governance:AllowEmbeddedOffLoopback"] = "true" }), NullLogger.Instance, TimeProvider.System);

        Assert.Equal(ExitCodes.BadConfiguration, refused.ExitCode);
        Assert.Equal(0, allowed.ExitCode);
        Assert.False(ListeningAddresses.LoopbackOnly(Configuration(listening)));
        Assert.Equal(described, ListeningAddresses.Describe(Configuration(listening)));
    }

    [Theory]
    [InlineData("Urls", "http://127.0.0.1:8080;http://[::1]:8080")]
    [InlineData("Urls", "http://localhost:8080")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://127.0.0.1:8080")]
    public void Loopback_addresses_are_recognised(string key, string value)
    {
        Assert.True(ListeningAddresses.LoopbackOnly(Configuration(new() { [key] = value })));
    }

    private static IEnumerable<string> Settings(int siloPort, string connectionString, string wait) =>
    [
        "--Governance:Cluster=PostgreSql", $"--Governance:ConnectionString={connectionString}", wait,
        $"--Governance:ClusterId=startup-{Guid.NewGuid():N}", $"--Governance:SiloPort={siloPort}", $"--Governance:GatewayPort={FreePort.Next()}",
        "--Governance:CityFile=", $"--Urls=http://127.0.0.1:{FreePort.Next()}",
    ];

    private string ConnectionStringAt(int port) =>
        new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = port, Timeout = 2 }.ConnectionString;

    private Task<StartupDecision> DecideAsync(params (string Key, string Value)[] governance)
    {
        var settings = governance.ToDictionary(setting => $"Governance:{setting.Key}", setting => (string?)setting.Value);
        settings["Governance:ConnectionString"] = database.ConnectionString;
        settings["Governance:CityFile"] = "";
        settings["Governance:DatabaseStartupWait"] = "00:00:00";
        settings["Governance:Api:DevelopmentSigningKey"] = new string('k', 32);
        return StartupCheck.DecideAsync(Configuration(settings), NullLogger.Instance, TimeProvider.System);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private async Task WriteStateRowAsync(GrainStateStore store, string service)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var sql = store == GrainStateStore.GroupCommit
            ? "INSERT INTO governance_grain_state (service_id, state_name, grain_id, payload, version) VALUES ($1, 'desk', 'gov.unit/sample', '\\x00', 1)"
            : "INSERT INTO orleans_grain_state (service_id, grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, grain_type, grain_id_extension, payload, version) VALUES ($1, 1, 2, 0, 0, 'gov.unit', 'sample', '\\x00', 1)";
        await new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = service } } }.ExecuteNonQueryAsync();
    }
}
