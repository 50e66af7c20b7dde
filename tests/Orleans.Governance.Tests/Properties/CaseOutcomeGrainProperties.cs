using FsCheck;
using FsCheck.Fluent;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Properties;

/// <summary>Every case ends resolved, referred or at the city, and the units' figures account for it: on real grains.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CaseOutcomeGrainProperties(ClusterFixture fixture)
{
    /// <summary>Registered where, raised to where, and per level: 0 agreement, 1 failure then escalation, 2 failure then referral.</summary>
    public static Gen<(Level Origin, bool HighRisk, Level RaiseTo, int[] Decisions)> Walks { get; } =
        from origin in Gen.Elements(Level.Grid, Level.Grid, Level.Village, Level.Township, Level.County, Level.City)
        from risk in Gen.Elements(false, false, true)
        from raiseTo in Gen.Elements(Level.Township, Level.County, Level.City)
        from decisions in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(2))).ArrayOf(5)
        select (origin, risk, raiseTo, decisions);

    [Fact]
    public Task A_random_walk_of_decisions_ends_resolved_referred_or_failed_at_the_city_and_every_unit_accounts_for_it() =>
        Task.Run(() => PropertyRuns.Check(
            Prop.ForAll(Walks.ToArbitrary(), walk => WalkAsync(walk).GetAwaiter().GetResult() is not { } problem ? true.ToProperty() : false.Label(problem)),
            ciDefault: 40));

    private async Task<string?> WalkAsync((Level Origin, bool HighRisk, Level RaiseTo, int[] Decisions) walk)
    {
        var plan = await fixture.LoadAsync(TestCities.Chain(new GovernancePolicy { HighRiskRaiseTo = walk.RaiseTo }));
        var id = $"case-{Guid.NewGuid():N}";
        var grain = fixture.Client.GetGrain<ICaseGrain>(id);
        var receipt = await grain.RegisterAsync(CaseDriver.Report(plan.At(walk.Origin), CaseType.Labour, walk.HighRisk), plan.At(walk.Origin).Id + "/desk");
        var steps = 0;
        while (receipt.Status == CaseStatus.Assigned && steps++ < 10)
        {
            var mediator = receipt.MediatorId!;
            var decision = walk.Decisions[(int)receipt.Level % walk.Decisions.Length];
            await grain.ExecuteAsync(new AcceptCase(mediator));
            await grain.ExecuteAsync(new HoldSession(mediator, []));
            receipt = await grain.ExecuteAsync(decision == 0 ? new ResolveCase(mediator) : new FailCase(mediator, "no agreement"));
            if (receipt.Status == CaseStatus.Failed && decision == 1 && receipt.Level < Level.City)
            {
                receipt = await grain.EscalateAsync(Actors.Person(receipt.UnitId!, "head"), "failed here");
            }
            else if (receipt.Status == CaseStatus.Failed && decision == 2)
            {
                receipt = await grain.ExecuteAsync(new ReferCase(mediator, ReferralTarget.Arbitration));
            }

            if (receipt.Status is CaseStatus.Resolved or CaseStatus.Referred)
            {
                receipt = await grain.ExecuteAsync(new CloseCase(Actors.Person(receipt.UnitId!, "head")));
            }
        }

        var file = await grain.GetAsync();
        var ended = file.Status == CaseStatus.Closed || (file.Status == CaseStatus.Failed && file.Level == Level.City);
        if (!ended || receipt.Refusal is not null)
        {
            return $"case {id} ended {file.Status} at {file.Level} after {steps} level(s); last refusal: {receipt.Refusal?.Message}";
        }

        var units = await Task.WhenAll(plan.Units.Select(u => fixture.Client.GetUnit(u.Ref).GetFiguresAsync()));
        var escalations = file.Trail.Count(e => e.Action == CaseAction.Escalate);
        var held = file.Status == CaseStatus.Closed ? 0 : 1;
        var (admitted, up, closed, open) = (units.Sum(u => u.Admitted), units.Sum(u => u.EscalatedOut), units.Sum(u => u.ClosedHere), units.Sum(u => u.Open));
        var here = units.Single(u => u.UnitId == file.UnitId);
        var city = await fixture.Client.GetGrain<ICityGrain>(plan.Id).GetFiguresAsync();
        var expected = (Admitted: 1L + escalations, Up: (long)escalations, Closed: 1L - held, Open: (long)held, HereOpen: (long)held, Outcomes: 1L - held, CityAdmitted: 1L + escalations);
        var actual = (Admitted: admitted, Up: up, Closed: closed, Open: open, HereOpen: here.Open, Outcomes: here.ResolvedHere + here.ReferredOut, CityAdmitted: city.Admitted);
        return actual == expected && admitted == up + closed + open
            ? null
            : $"case {id} ended {file.Status} at {file.Level}: figures {actual}, expected {expected} (admitted = escalated out + closed + open)";
    }
}
