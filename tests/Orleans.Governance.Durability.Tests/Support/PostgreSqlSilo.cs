using Orleans.Governance.Tests.Shared;

namespace Orleans.Governance.Durability.Tests.Support;

/// <summary>A silo process of a PostgreSQL cluster: ports and HTTP address from its index.</summary>
public static class PostgreSqlSilo
{
    public static Task<SiloProcess> StartAsync(string connectionString, string clusterId, int index, string cityFile, params string[] settings) =>
        StartAsync(null, connectionString, clusterId, index, cityFile, settings);

    /// <summary>The silo run by <paramref name="launcher"/> (e.g. in a network namespace); null runs it directly.</summary>
    public static Task<SiloProcess> StartAsync(IReadOnlyList<string>? launcher, string connectionString, string clusterId, int index, string cityFile, params string[] settings) =>
        SiloProcess.StartAsync($"{index}", SiloPort(index),
        [
            "--Governance:Cluster=PostgreSql", $"--Governance:ConnectionString={connectionString}",
            $"--Governance:ClusterId={clusterId}", $"--Governance:ServiceId={clusterId}",
            $"--Governance:SiloPort={SiloPort(index)}", $"--Governance:GatewayPort={GatewayPort(index)}",
            $"--Governance:CityFile={cityFile}", $"--Urls=http://127.0.0.1:{18_000 + index}",
            .. settings,
        ], launcher);

    public static int SiloPort(int index) => 22_000 + index;

    public static int GatewayPort(int index) => 32_000 + index;
}
