using System.Net.Http.Headers;
using System.Text.Json;
using Orleans.Governance.Api;
using Orleans.Governance.Api.Cases;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Benchmarks.Http;

/// <summary>
/// The intakes both ways in send, made before any clock starts: request i registers a new case at
/// grid i mod n of a shuffled list (the grids of one county are not hit in a row), as a JSON body
/// for the HTTP API and as the very <see cref="CaseIntake"/> the API would make of that body for
/// the Orleans client.
/// </summary>
public sealed class IntakeWorkload
{
    private static readonly CaseType[] s_types = [CaseType.Neighbour, CaseType.Labour, CaseType.MarriageFamily, CaseType.PropertyManagement, CaseType.HousingHomestead, CaseType.ElderSupport];
    private static readonly string[] s_surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄"];
    private static readonly string[] s_givenNames = ["三丰", "秀英", "建国", "丽娟", "志强", "海燕", "伟", "芳"];
    private static readonly MediaTypeHeaderValue s_json = new("application/json") { CharSet = "utf-8" };

    private readonly string[] _paths;
    private readonly byte[][] _bodies;
    private readonly CaseIntake[] _intakes;

    public IntakeWorkload(CityPlan city, int size, int seed = 1)
    {
        var random = new Random(seed);
        var grids = city.Units.Where(u => u.Level == Level.Grid).ToArray();
        random.Shuffle(grids);
        var json = new JsonSerializerOptions();
        GovernanceApi.ConfigureJson(json);
        _paths = new string[size];
        _bodies = new byte[size][];
        _intakes = new CaseIntake[size];
        for (var i = 0; i < size; i++)
        {
            var grid = grids[i % grids.Length];
            var request = new IntakeRequest(
                IntakeChannel.GridPatrol,
                s_types[random.Next(s_types.Length)],
                $"{grid.Name}：邻里因排水沟堵塞发生纠纷，网格员巡查时登记（基准 {i}）。",
                [
                    new PartyRequest(s_surnames[random.Next(s_surnames.Length)] + s_givenNames[random.Next(s_givenNames.Length)], $"138{random.Next(100_000_000):D8}", $"371402199001{random.Next(10_000):D4}12"),
                    new PartyRequest(s_surnames[random.Next(s_surnames.Length)] + s_givenNames[random.Next(s_givenNames.Length)], $"139{random.Next(100_000_000):D8}"),
                ]);
            _paths[i] = $"{GovernanceApi.Version1}/units/{Uri.EscapeDataString(grid.Id)}/cases";
            _bodies[i] = JsonSerializer.SerializeToUtf8Bytes(request, json);
            _intakes[i] = request.ToIntake(grid.Ref);
        }

        Grids = grids.Length;
    }

    public int Grids { get; }

    public int Size => _intakes.Length;

    public CaseIntake Intake(int i) => _intakes[i % _intakes.Length];

    public string Path(int i) => _paths[i % _paths.Length];

    public HttpContent Body(int i)
    {
        var content = new ByteArrayContent(_bodies[i % _bodies.Length]);
        content.Headers.ContentType = s_json;
        return content;
    }
}
