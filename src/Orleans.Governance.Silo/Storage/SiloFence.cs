namespace Orleans.Governance.Silo.Storage;

/// <summary>
/// A silo incarnation as Orleans' membership table keys it (deploy/sql/001). The group-commit
/// store writes for it only while its row there is not Dead: a silo cut off from its peers runs
/// on until it reads its verdict, while its grains are already coming back on the others.
/// </summary>
public sealed record SiloFence(string ClusterId, string Address, int Port, int Generation)
{
    public static SiloFence Of(SiloAddress silo, string clusterId) =>
        new(clusterId, silo.Endpoint.Address.ToString(), silo.Endpoint.Port, silo.Generation);

    public override string ToString() => $"{Address}:{Port}@{Generation}";
}
