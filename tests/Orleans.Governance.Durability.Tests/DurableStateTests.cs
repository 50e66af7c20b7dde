using Microsoft.Extensions.DependencyInjection;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Domain.Kernel;
using Orleans.Governance.Durability.Tests.Support;
using Orleans.Governance.Grains;
using Orleans.Governance.Silo.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace Orleans.Governance.Durability.Tests;

/// <summary>Grain state, desks and reminders on a real PostgreSQL, through our schema.</summary>
[Collection(PostgreSqlCollection.Name)]
[Trait("Category", "PostgreSQL")]
public sealed class DurableStateTests(PostgreSqlFixture database, ITestOutputHelper output)
{
    [Fact]
    public async Task Cases_and_desks_survive_deactivation_and_a_restart_of_the_whole_cluster()
    {
        var serviceId = $"svc-{Guid.NewGuid():N}";
        var city = Cities.Roomy($"durable-{Guid.NewGuid():N}"[..16]);
        var plan = CityPlan.From(city, city.Id);
        var grid = plan.Units.First(u => u.Level == Level.Grid);
        var id = $"case-{Guid.NewGuid():N}";
        CaseFile before;

        await using (var cluster = await database.StartSiloAsync(serviceId))
        {
            await cluster.Client.GetGrain<ICityGrain>(city.Id).LoadAsync(city);
            var grain = cluster.Client.GetGrain<ICaseGrain>(id);
            var registered = await grain.RegisterAsync(Intake(grid), "desk");
            await grain.ExecuteAsync(new AcceptCase(registered.MediatorId!));
            before = await grain.GetAsync();

            await cluster.DeactivateAsync(grain);
            await cluster.DeactivateAsync(cluster.Client.GetGrain<IGridGrain>(grid.Id));

            Assert.Equal(before.Trail, (await grain.GetAsync()).Trail);
            Assert.Equal(1L, (await cluster.Client.GetGrain<IGridGrain>(grid.Id).GetFiguresAsync()).OpenByStatus[CaseStatus.Accepted]);
        }

        await using (var restarted = await database.StartSiloAsync(serviceId))
        {
            var grain = restarted.Client.GetGrain<ICaseGrain>(id);
            var after = await grain.GetAsync();
            var figures = await restarted.Client.GetGrain<IGridGrain>(grid.Id).GetFiguresAsync();
            var failed = await grain.ExecuteAsync(new FailCase(before.MediatorId!, "no agreement"));

            Assert.Equal(before.Trail, after.Trail);
            Assert.Equal((1L, 1L), (figures.Admitted, figures.OpenByStatus[CaseStatus.Accepted]));
            Assert.Null(failed.Refusal);
            output.WriteLine($"compared {after.Trail.Count} audit entries and the grid's desk across deactivation and a cluster restart");
        }
    }

    [Theory]
    [InlineData(GrainStateStore.GroupCommit)]
    [InlineData(GrainStateStore.AdoNet)]
    public async Task Storage_refuses_a_stale_write_reads_back_and_clears(GrainStateStore store)
    {
        await using var cluster = await database.StartSiloAsync(store: store);
        var storage = cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Governance);
        var grainId = GrainId.Create("gov-test", Guid.NewGuid().ToString("N"));
        var first = new GrainState<UnitState>(new UnitState());
        var stale = new GrainState<UnitState>(new UnitState());

        await storage.ReadStateAsync("state", grainId, first);
        await storage.ReadStateAsync("state", grainId, stale);
        await storage.WriteStateAsync("state", grainId, first);
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("state", grainId, stale));
        var reread = new GrainState<UnitState>(new UnitState());
        await storage.ReadStateAsync("state", grainId, reread);
        var (existed, etag) = (reread.RecordExists, reread.ETag);
        await storage.ClearStateAsync("state", grainId, reread);
        var afterClear = new GrainState<UnitState>(new UnitState());
        await storage.ReadStateAsync("state", grainId, afterClear);

        Assert.True(existed);
        Assert.Equal(first.ETag, etag);
        Assert.False(afterClear.RecordExists);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("state", grainId, first));
        output.WriteLine($"{store}: stale write refused: {conflict.Message}");
    }

    [Fact]
    public async Task A_unit_registers_a_reminder_with_its_first_alarm_and_removes_it_when_it_fires_with_none_left()
    {
        await using var cluster = await database.StartSiloAsync();
        var city = Cities.Roomy($"remind-{Guid.NewGuid():N}"[..16]);
        var grid = CityPlan.From(city, city.Id).Units.First(u => u.Level == Level.Grid);
        await cluster.Client.GetGrain<ICityGrain>(city.Id).LoadAsync(city);
        var rows = $"SELECT count(*) FROM orleans_reminder WHERE grain_id LIKE '%{grid.Id}'";
        Assert.Equal(0, await database.ScalarAsync(rows));

        var first = await ResolvedCaseAsync(cluster, grid, rows);
        var second = await ResolvedCaseAsync(cluster, grid, rows);
        var afterResolved = await database.ScalarAsync(rows);
        var unit = cluster.Client.GetGrain<IRemindable>(cluster.Client.GetUnit(grid.Ref).GetGrainId());
        await unit.ReceiveReminder("deadline-watch", new TickStatus(DateTime.UtcNow, TimeSpan.FromMinutes(10), DateTime.UtcNow));

        Assert.Equal((1, 1), (first, second));
        Assert.Equal(1, afterResolved);
        Assert.Equal(0, await database.ScalarAsync(rows));
    }

    /// <summary>Registers a case at the grid and resolves it; returns the reminder rows seen while it was open.</summary>
    private async Task<long> ResolvedCaseAsync(InProcessTestCluster cluster, UnitProfile grid, string rows)
    {
        var lifecycle = new LifecycleDriver(cluster.Client.GetGrain<ICaseGrain>($"case-{Guid.NewGuid():N}"));
        var registered = await lifecycle.RegisterAsync(Intake(grid), "desk");
        var whileOpen = await database.ScalarAsync(rows);
        await lifecycle.MediateAsync(registered, agreement: true);
        return whileOpen;
    }

    private static CaseIntake Intake(UnitProfile grid) =>
        new(grid.Ref, IntakeChannel.GridPatrol, CaseType.Neighbour, "噪音扰民", [new CaseParty("孙七", "13600001111", "371402197707071234")]);
}
