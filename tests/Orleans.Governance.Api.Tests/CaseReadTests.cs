using System.Globalization;
using System.Net;
using CsvHelper;
using Orleans.Governance.Api.Tests.Support;
using Orleans.Governance.Domain.Access;
using Orleans.Governance.Domain.Cases;

namespace Orleans.Governance.Api.Tests;

/// <summary>Reading a case: by number, its trail as CSV, who read it unmasked; the masking rule; the public lookup.</summary>
[Collection(ApiCollection.Name)]
public sealed class CaseReadTests(ApiHost host)
{
    [Fact]
    public async Task The_handling_grid_worker_sees_the_parties_unmasked_and_the_read_is_logged_with_their_user_id()
    {
        var grid = SampleUnits.TakeFreshGrid();
        var party = Party.Fresh();
        var worker = host.ClientFor(Role.GridWorker, grid, "w1", user: "zhang.wei");
        var number = (await Calls.RegisterAsync(worker, grid, party)).CaseNumber;
        var auditor = host.ClientFor(Role.Auditor, host.SelfAndAncestors(grid)[3]);
        Assert.Empty((await Calls.GetAsync(auditor, $"/api/v1/cases/{number}/access-log")).Json.AsArray());

        var read = await Calls.ReadAsync(worker, number);
        Assert.False((bool)read.Json["personalDataMasked"]!);
        var shown = read.Json["parties"]![0]!;
        Assert.Equal(party.Name, (string)shown["name"]!);
        Assert.Equal(party.Phone, (string)shown["phone"]!);
        Assert.Equal(party.IdNumber, (string)shown["idNumber"]!);

        var log = await Calls.GetAsync(auditor, $"/api/v1/cases/{number}/access-log");
        Assert.Equal(HttpStatusCode.OK, log.Status);
        var entry = Assert.Single(log.Json.AsArray())!;
        Assert.Equal("zhang.wei", (string)entry["userId"]!);
        Assert.Equal("gridWorker", (string)entry["role"]!);
        Assert.Equal(grid, (string)entry["unitId"]!);
        Assert.Equal("read", (string)entry["purpose"]!);
        Assert.DoesNotContain(party.Name, log.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Everyone_above_the_handling_unit_sees_the_parties_masked_and_leaves_no_log_entry()
    {
        var grid = SampleUnits.TakeFreshGrid();
        var party = Party.Fresh();
        var number = (await Calls.RegisterAsync(host.ClientFor(Role.GridWorker, grid, "w1"), grid, party)).CaseNumber;
        var chain = host.SelfAndAncestors(grid);
        (Role Role, string Unit)[] readers =
        [
            (Role.CentreLeader, chain[1]), (Role.CentreStaff, chain[1]), (Role.CentreLeader, chain[4]), (Role.Mediator, chain[2]),
            (Role.CityAdministrator, chain[4]), (Role.Auditor, chain[3]), (Role.CentreStaff, chain[3]),
        ];

        foreach (var (role, unit) in readers)
        {
            var read = await Calls.ReadAsync(host.ClientFor(role, unit), number);
            Assert.True((bool)read.Json["personalDataMasked"]!, $"{role} at {unit}");
            var shown = read.Json["parties"]![0]!;
            Assert.Equal(PersonalData.MaskName(party.Name), (string)shown["name"]!);
            Assert.Equal(PersonalData.MaskPhone(party.Phone), (string)shown["phone"]!);
            Assert.Equal(PersonalData.MaskIdNumber(party.IdNumber), (string)shown["idNumber"]!);
            foreach (var secret in new[] { party.Name, party.Phone, party.IdNumber })
            {
                Assert.DoesNotContain(secret, read.Body, StringComparison.Ordinal);
            }
        }

        var log = await Calls.GetAsync(host.ClientFor(Role.Auditor, "sample"), $"/api/v1/cases/{number}/access-log");
        Assert.Empty(log.Json.AsArray());
    }

    [Fact]
    public async Task Get_case_carries_its_version_as_etag_and_its_trail()
    {
        var grid = SampleUnits.TakeFreshGrid();
        var number = (await Calls.RegisterAsync(host.ClientFor(Role.GridWorker, grid, "w1"), grid)).CaseNumber;
        var read = await Calls.ReadAsync(host.ClientFor(Role.CentreLeader, host.SelfAndAncestors(grid)[2]), number);
        var file = await host.FileAsync(number);

        Assert.Equal(number, read.CaseNumber);
        Assert.Equal(file.Trail.Count, read.Version);
        Assert.Equal($"\"{file.Trail.Count}\"", read.ETag);
        Assert.Equal("assigned", (string)read.Json["status"]!);
        Assert.Equal("grid", (string)read.Json["level"]!);
        Assert.Equal($"{grid}/w1", (string)read.Json["mediatorId"]!);
        Assert.Equal(file.Trail.Count, read.Json["trail"]!.AsArray().Count);
        Assert.NotNull(read.Json["deadlines"]!["closeBy"]);
    }

    [Fact]
    public async Task Unknown_and_overlong_case_numbers_are_404()
    {
        var client = host.ClientFor(Role.CityAdministrator, "sample");
        Assert.Equal(HttpStatusCode.NotFound, (await Calls.GetAsync(client, "/api/v1/cases/sample-01-20000101-0001")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Calls.GetAsync(client, $"/api/v1/cases/{new string('9', 200)}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Calls.GetAsync(client, "/api/v1/cases/sample-01-20000101-0001/trail.csv")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Calls.GetAsync(client, "/api/v1/cases/sample-01-20000101-0001/access-log")).Status);
    }

    [Fact]
    public async Task The_trail_csv_has_a_header_and_one_row_per_trail_entry_and_no_personal_data()
    {
        var grid = SampleUnits.TakeFreshGrid();
        var party = Party.Fresh();
        var worker = host.ClientFor(Role.GridWorker, grid, "w1");
        var number = (await Calls.RegisterAsync(worker, grid, party)).CaseNumber;
        await Calls.ActAsync(worker, number, "sign");
        await Calls.ActAsync(worker, number, "sessions", new { jointDepartments = new[] { "police", "court" }, note = "说明, 含\"引号\"" });

        var answer = await Calls.GetAsync(worker, $"/api/v1/cases/{number}/trail.csv");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("text/csv", answer.ContentHeaders?.ContentType?.MediaType);
        foreach (var secret in new[] { party.Name, party.Phone, party.IdNumber, PersonalData.MaskPhone(party.Phone) })
        {
            Assert.DoesNotContain(secret, answer.Body, StringComparison.Ordinal);
        }

        using var csv = new CsvReader(new StringReader(answer.Body), CultureInfo.InvariantCulture);
        Assert.True(csv.Read() && csv.ReadHeader());
        Assert.Equal(
            ["CaseNumber", "At", "Actor", "Action", "UnitId", "Level", "Reason", "Grade", "Department", "MediatorId", "Escalation", "Referral", "JudicialConfirmation", "Satisfaction", "JointDepartments"],
            csv.HeaderRecord ?? []);
        var rows = new List<(string Number, string Action, string Actor, string? Reason, string? Joint)>();
        while (csv.Read())
        {
            rows.Add((csv.GetField("CaseNumber")!, csv.GetField("Action")!, csv.GetField("Actor")!, csv.GetField("Reason"), csv.GetField("JointDepartments")));
        }

        var file = await host.FileAsync(number);
        Assert.Equal(file.Trail.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(number, r.Number));
        Assert.Equal(file.Trail.Select(e => e.Action.ToString()), rows.Select(r => r.Action));
        Assert.Equal(file.Trail.Select(e => e.Actor), rows.Select(r => r.Actor));
        Assert.Equal("说明, 含\"引号\"", rows[^1].Reason);
        Assert.Equal("Police;Court", rows[^1].Joint);
    }

    [Fact]
    public async Task The_public_lookup_shows_the_status_and_nothing_personal()
    {
        var grid = SampleUnits.TakeFreshGrid();
        var party = Party.Fresh();
        var number = (await Calls.RegisterAsync(host.ClientFor(Role.GridWorker, grid, "w1"), grid, party)).CaseNumber;

        var anonymous = host.CreateClient();
        var answer = await Calls.GetAsync(anonymous, $"/api/v1/public/cases/{number}");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(
            ["caseNumber", "finished", "level", "registeredAt", "status", "statusText", "statusTextEnglish", "type", "updatedAt"],
            answer.Json.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("assigned", (string)answer.Json["status"]!);
        Assert.Equal("已分派，等待签收", (string)answer.Json["statusText"]!);
        Assert.False((bool)answer.Json["finished"]!);
        var file = await host.FileAsync(number);
        foreach (var secret in new[] { party.Name, party.Phone, party.IdNumber, PersonalData.MaskName(party.Name), PersonalData.MaskPhone(party.Phone), file.Intake!.Description, grid + "/w1" })
        {
            Assert.DoesNotContain(secret, answer.Body, StringComparison.Ordinal);
        }

        var unknown = await Calls.GetAsync(anonymous, "/api/v1/public/cases/sample-01-20000101-0001");
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("application/problem+json", unknown.ContentHeaders?.ContentType?.MediaType);
    }
}
