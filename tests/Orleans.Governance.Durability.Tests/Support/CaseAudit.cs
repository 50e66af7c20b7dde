using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Durability.Tests.Support;

/// <summary>Jepsen's set check on acknowledged cases: each one is there, once, with a whole audit trail.</summary>
public sealed record CaseAudit(int Acknowledged, int Found, int Lost, int DuplicatedEntries, int BrokenTrails, int FollowedUp)
{
    public static async Task<CaseAudit> CheckAsync(IClusterClient client, IReadOnlyCollection<string> acknowledged)
    {
        var files = await Task.WhenAll(acknowledged.Select(id => ClusterClient.Retry.RunAsync(() => client.GetGrain<ICaseGrain>(id).GetAsync())));
        var found = files.Count(f => f.Status != CaseStatus.New);
        var duplicated = files.Count(f => f.Trail.Count(e => e.Action == CaseAction.Register) > 1
            || f.Trail.Where(e => e.Action != CaseAction.HoldSession).GroupBy(e => (e.Action, e.Level)).Any(g => g.Count() > 1));
        var broken = files.Count(f => !Replays(f));
        return new CaseAudit(acknowledged.Count, found, acknowledged.Count - found, duplicated, broken, files.Count(f => f.Status == CaseStatus.FollowedUp));
    }

    /// <summary>The trail folded from nothing gives back the stored case: no entry is missing or out of order.</summary>
    private static bool Replays(CaseFile file)
    {
        var replayed = CaseFile.Empty(file.CaseId);
        foreach (var entry in file.Trail)
        {
            replayed = CaseLifecycle.Evolve(replayed, entry, file.Intake);
        }

        return file.Trail.Count > 0 && file.Trail[0].Action == CaseAction.Register
            && (replayed.Status, replayed.Level, replayed.UnitId) == (file.Status, file.Level, file.UnitId)
            && file.Trail.Select(e => e.Level).Zip(file.Trail.Skip(1).Select(e => e.Level)).All(p => p.First <= p.Second);
    }
}
