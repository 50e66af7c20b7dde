using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Figures;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Tests.Support;

namespace Orleans.Governance.Tests.Grains;

[Collection(ClusterCollection.Name)]
public sealed class FiguresTests(ClusterFixture fixture)
{
    private IClusterClient Client => fixture.Client;

    [Fact]
    public async Task A_roll_up_is_the_unit_plus_the_sum_of_its_subtree()
    {
        var plan = await fixture.LoadAsync(TestCities.Small());
        var grids = plan.Units.Where(u => u.Level == Level.Grid).ToList();
        for (var i = 0; i < grids.Count; i++)
        {
            var id = $"case-{Guid.NewGuid():N}";
            var grain = Client.GetGrain<ICaseGrain>(id);
            var receipt = await Client.RegisterAsync(id, CaseDriver.Report(grids[i]));
            var outcome = i % 3;
            if (outcome == 1)
            {
                var resolved = await new LifecycleDriver(grain).MediateAsync(receipt, agreement: true);
                await grain.ExecuteAsync(new CloseCase(resolved.MediatorId!));
            }
            else if (outcome == 2)
            {
                await new LifecycleDriver(grain).ClimbToAsync(receipt, Level.Village, agreementThere: true);
            }
        }

        var own = await Task.WhenAll(plan.Units.Select(u => Client.GetUnit(u.Ref).GetFiguresAsync()));
        var city = await Client.GetGrain<ICityGrain>(plan.Id).GetFiguresAsync();
        var county = plan.Units.First(u => u.Level == Level.County);
        var countyRollup = await Client.GetGrain<ICentreGrain>(county.Id).GetRollupAsync();

        Assert.Equal(plan.Units.Count, city.Units);
        Assert.Equal(24 + 8, city.Admitted);
        Assert.Equal(own.Sum(f => f.Admitted), city.Admitted);
        Assert.Equal(16, city.ResolvedHere);
        Assert.Equal(8, city.EscalatedOut);
        Assert.Equal(8, city.ClosedHere);
        Assert.Equal(own.Sum(f => f.Open), city.Open);
        Assert.Equal(8L, city.OpenByStatus[CaseStatus.Assigned]);
        Assert.Equal(own.Sum(f => f.TimeToClose.Count), city.TimeToClose.Count);
        var subtree = own.Where(f => f.UnitId == county.Id || f.UnitId.StartsWith(county.Id + "-", StringComparison.Ordinal)).ToList();
        Assert.Equal(subtree.Count, countyRollup.Units);
        Assert.Equal(subtree.Sum(f => f.Admitted), countyRollup.Admitted);
        Assert.Equal(subtree.Sum(f => f.ResolvedHere), countyRollup.ResolvedHere);
    }

    [Fact]
    public async Task A_daily_roll_up_counts_each_case_once_where_it_was_registered_and_each_agreement_at_its_level()
    {
        var plan = await fixture.LoadAsync(TestCities.Small());
        var county = plan.At(Level.County);
        var grids = plan.Units.Where(u => u.Level == Level.Grid && u.Ancestors.Any(a => a.Id == county.Id)).ToList();
        var village = plan.Units.First(u => u.Id == grids[0].Parent!.Id);
        var today = CentreDays.DateOf(fixture.Clock.GetUtcNow());

        var receipts = new List<(ICaseGrain Grain, CaseReceipt Receipt)>();
        foreach (var (grid, i) in grids.Select((g, i) => (g, i)))
        {
            var id = $"case-{Guid.NewGuid():N}";
            receipts.Add((Client.GetGrain<ICaseGrain>(id), await Client.RegisterAsync(id, CaseDriver.Report(grid, CaseType.Labour, highRisk: i == 0))));
        }

        var villageCase = $"case-{Guid.NewGuid():N}";
        await Client.RegisterAsync(villageCase, CaseDriver.Report(village, CaseType.Legal));
        await new LifecycleDriver(receipts[1].Grain).MediateAsync(receipts[1].Receipt, agreement: true);
        await new LifecycleDriver(receipts[2].Grain).ClimbToAsync(receipts[2].Receipt, Level.Village, agreementThere: true);

        var countyDay = (await Client.GetUnit(county.Ref).GetDailyRollupAsync(today)).Series.Days.Single(d => d.Day == today);
        var villageOwn = (await Client.GetUnit(village.Ref).GetDailyRollupAsync(today)).Series;

        // The high-risk case was raised to the county at triage: still one labour arrival, at its grid.
        Assert.Equal(grids.Count, countyDay.ArrivalsOf(CaseType.Labour));
        Assert.Equal(1, countyDay.ArrivalsOf(CaseType.Legal));
        Assert.Equal(1, countyDay.ResolvedAt(Level.Grid));
        Assert.Equal(1, countyDay.ResolvedAt(Level.Village));
        Assert.Equal(today, villageOwn.Since);
        Assert.Equal(1, villageOwn.ArrivalsOf(CaseType.Legal, today, today));
    }

    [Fact]
    public async Task A_subtree_worklist_holds_the_cases_of_every_unit_below_with_their_unit()
    {
        var plan = await fixture.LoadAsync(TestCities.Small());
        var township = plan.At(Level.Township);
        var grids = plan.Units.Where(u => u.Level == Level.Grid && u.Ancestors.Any(a => a.Id == township.Id)).Take(2).ToList();
        var ids = new List<string>();
        foreach (var grid in grids)
        {
            var id = $"case-{Guid.NewGuid():N}";
            await Client.RegisterAsync(id, CaseDriver.Report(grid));
            ids.Add(id);
        }

        var items = await Client.GetUnit(township.Ref).GetSubtreeWorklistAsync(Worklist.Assigned);

        Assert.All(ids.Zip(grids), pair => Assert.Equal(pair.Second.Id, items.Single(i => i.CaseId == pair.First).UnitId));
    }

    [Fact]
    public void Summed_histograms_give_the_quantiles_of_the_union()
    {
        var a = Enumerable.Range(1, 95).Aggregate(DurationHistogram.Empty, (h, i) => h.With(TimeSpan.FromHours(i % 10 + 1)));
        var b = Enumerable.Range(0, 5).Aggregate(DurationHistogram.Empty, (h, _) => h.With(TimeSpan.FromDays(20)));

        var union = DurationHistogram.Sum([a, b]);

        Assert.Equal(100, union.Count);
        Assert.InRange(union.QuantileMinutes(0.95), 9 * 60, 11 * 60 * 1.2);
        Assert.InRange(union.QuantileMinutes(0.96), 20 * 1440, 20 * 1440 * 1.19);
        Assert.Equal((95, 5), (a.Count, b.Count)); // the parts are unchanged
    }

    [Fact]
    public void Recording_a_duration_leaves_the_histogram_it_started_from_unchanged()
    {
        var before = DurationHistogram.Empty.With(TimeSpan.FromHours(2));

        var after = before.With(TimeSpan.FromDays(3));

        Assert.Equal((1, 120.0), (before.Count, before.MeanMinutes));
        Assert.Equal(1, before.Buckets!.Sum());
        Assert.Equal((2, 2, (120.0 + 3 * 1440) / 2), (after.Count, after.Buckets!.Sum(), after.MeanMinutes));
    }
}
