using System.Net;
using FsCheck;
using FsCheck.Fluent;
using Orleans.Governance.Abstractions;
using Orleans.Governance.Api.Tests.Support;
using Orleans.Governance.Domain.Access;
using Orleans.Governance.Domain.Desk;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Api.Tests;

/// <summary>
/// For random users and random case histories, the cases the API shows a user are exactly those
/// whose trail touches the user's subtree, the rule computed here from the city file's parent links.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class VisibilityProperties(ApiHost host)
{
    /// <summary>A case registered at one of the property's grids and escalated 0–3 levels (by the units' overdue escalation).</summary>
    public sealed record CaseHistory(int Grid, int Escalations)
    {
        public override string ToString() => $"grid #{Grid} ↑{Escalations}";
    }

    public sealed record User(Role Role, int Unit)
    {
        public override string ToString() => $"{Role} at unit #{Unit}";
    }

    public sealed record Scenario(IReadOnlyList<CaseHistory> Cases, IReadOnlyList<User> Users)
    {
        public override string ToString() => $"cases [{string.Join(", ", Cases)}], users [{string.Join(", ", Users)}]";
    }

    private static readonly Role[] s_roles = [.. RoleTable.Grants.Keys.Where(r => r != Role.Public).Order()];

    private readonly List<(string Number, IReadOnlyList<string> Trail)> _earlier = [];

    private Gen<Scenario> Scenarios()
    {
        var cases = Gen.Choose(0, SampleUnits.PropertyGrids.Count - 1).SelectMany(g => Gen.Choose(0, 3).Select(e => new CaseHistory(g, e)));
        var users = Gen.Elements(s_roles).SelectMany(r => Gen.Choose(0, host.City.Units.Count - 1).Select(u => new User(r, u)));
        return Gen.Choose(1, 3).SelectMany(n => cases.ListOf(n)).SelectMany(c => Gen.Choose(1, 3).SelectMany(n => users.ListOf(n)).Select(u => new Scenario([.. c], [.. u])));
    }

    [Fact]
    public void The_cases_a_user_sees_are_those_whose_trail_touches_their_subtree()
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(30).WithQuietOnSuccess(true);
        Check.One(config, Prop.ForAll(Arb.From(Scenarios()), scenario => Holds(scenario).GetAwaiter().GetResult()));
    }

    private async Task<bool> Holds(Scenario scenario)
    {
        var clerk = host.ClientFor(Role.CentreStaff, "sample");
        var made = new List<(string Number, IReadOnlyList<string> Trail)>();
        foreach (var history in scenario.Cases)
        {
            var grid = SampleUnits.PropertyGrids[history.Grid];
            var number = (await Calls.RegisterAsync(clerk, grid)).CaseNumber;
            for (var i = 0; i < history.Escalations; i++)
            {
                await EscalateAsync(number);
            }

            // The rule's input, from the city file: the grid and the first ancestors it climbed to.
            var trail = host.SelfAndAncestors(grid).Take(history.Escalations + 1).ToList();
            Assert.Equal(trail, Domain.Access.JurisdictionRule.UnitsVisited(await host.FileAsync(number)));
            made.Add((number, trail));
        }

        var checkedCases = made.Concat(_earlier.TakeLast(6)).ToList();
        foreach (var user in scenario.Users)
        {
            var unit = host.City.Units[user.Unit].Id;
            var client = host.ClientFor(user.Role, unit);
            foreach (var (number, trail) in checkedCases)
            {
                var visible = trail.Any(visited => host.SelfAndAncestors(visited).Contains(unit));
                var answer = await Calls.GetAsync(client, $"/api/v1/cases/{number}");
                var expected = visible ? HttpStatusCode.OK : HttpStatusCode.NotFound;
                Assert.True(expected == answer.Status, $"{user.Role} at {unit} reading {number} (trail {string.Join(" → ", trail)}): expected {(int)expected}, got {(int)answer.Status}");
            }
        }

        _earlier.AddRange(made);
        return true;
    }

    /// <summary>The unit holding the case escalates it as overdue (its deadline watch's alarm), and the case climbs one level.</summary>
    private async Task EscalateAsync(string number)
    {
        var file = await host.FileAsync(number);
        await host.Grains.GetCase(number).RaiseAlarmAsync(new UnitRef(file.UnitId!, file.Level), DeadlineKind.OverdueEscalation);
        for (var wait = 0; wait < 500 && (await host.FileAsync(number)).Level == file.Level; wait++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(file.Level + 1, (await host.FileAsync(number)).Level);
    }
}
