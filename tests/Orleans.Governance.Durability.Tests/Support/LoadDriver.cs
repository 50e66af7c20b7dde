using System.Collections.Concurrent;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Durability.Tests.Support;

/// <summary>
/// Drives standard escalation lifecycles (<see cref="LifecycleDriver"/>: the grid worker fails and
/// whistles, the village resolves, closes and follows up) through a cluster, retrying through
/// failures, and records every registration the cluster acknowledged.
/// </summary>
public sealed class LoadDriver(IClusterClient client, IReadOnlyList<UnitProfile> grids, string prefix)
{
    private long _retries;

    public ConcurrentBag<string> Acknowledged { get; } = [];

    public ConcurrentBag<string> Completed { get; } = [];

    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>What the failed calls said, by exception type and first line of the message (up to 50 kinds).</summary>
    public ConcurrentDictionary<string, int> Failures { get; } = new();

    public async Task RunAsync(int lifecycles, int concurrency, Func<int, Task>? afterRegistrations = null)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < lifecycles)
            {
                await LifecycleAsync($"{prefix}-{n}", grids[n % grids.Count]);
                if (afterRegistrations is not null)
                {
                    await afterRegistrations(Acknowledged.Count);
                }
            }
        }));
    }

    private async Task LifecycleAsync(string id, UnitProfile grid)
    {
        var lifecycle = new LifecycleDriver(client.GetGrain<ICaseGrain>(id), call => ClusterClient.Retry.RunAsync(call, Record));
        var intake = new CaseIntake(grid.Ref, IntakeChannel.GridPatrol, CaseType.Neighbour, "楼上漏水引发邻里纠纷", [new CaseParty("赵六", "13700001234", "371402198507071234")]);
        var atGrid = await lifecycle.RegisterAsync(intake, grid.Id + "/desk");
        Acknowledged.Add(id);
        await lifecycle.EscalateToVillageAndCloseAsync(atGrid);
        Completed.Add(id);
    }

    private void Record(Exception failure)
    {
        Interlocked.Increment(ref _retries);
        var kind = $"{failure.GetType().Name}: {Describe(failure)}";
        if (Failures.Count < 50 || Failures.ContainsKey(kind))
        {
            Failures.AddOrUpdate(kind, 1, (_, n) => n + 1);
        }
    }

    /// <summary>The message of the failure and its causes, on one line, without the ids that make every message unique.</summary>
    private static string Describe(Exception failure)
    {
        var messages = new List<string>();
        for (var e = failure; e is not null && messages.Count < 3; e = e.InnerException)
        {
            messages.Add(e.Message.Split('\n')[0]);
        }

        var text = string.Join(" <- ", messages);
        return text.Length > 300 ? text[..300] : text;
    }
}
