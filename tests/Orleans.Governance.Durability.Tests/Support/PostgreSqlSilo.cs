using Orleans.Governance.Tests.Shared;

namespace Orleans.Governance.Durability.Tests.Support;

/// <summary>A silo process of a PostgreSQL cluster: ports and HTTP address from its index.</summary>
public static class PostgreSqlSilo
{
    public static Task<SiloProcess> StartAsync(string connectionString, string clusterId, int index, string cityFile, params string[] settings)
    {
        var siloPort = 22_000 + index;
        return SiloProcess.StartAsync($"{index}", siloPort,
        [
            "--Governance:Cluster=PostgreSql", $"--Governance:ConnectionString={connectionString}",
            $"--Governance:ClusterId={clusterId}", $"--Governance:ServiceId={clusterId}",
            $"--Governance:SiloPort={siloPort}", $"--Governance:GatewayPort={32_000 + index}",
            $"--Governance:CityFile={cityFile}", $"--Urls=http://127.0.0.1:{18_000 + index}",
            .. settings,
        ]);
    }
}
