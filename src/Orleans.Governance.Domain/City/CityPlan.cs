using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;

namespace Orleans.Governance.Domain.City;

/// <summary>
/// A validated city: one <see cref="UnitProfile"/> per unit, top-down (the city first, grids
/// last), ready to be loaded into the cluster.
/// </summary>
public sealed class CityPlan
{
    private CityPlan(CityDefinition definition, IReadOnlyList<UnitProfile> units)
    {
        Definition = definition;
        Units = units;
    }

    /// <summary>Ids become grain keys, storage keys and the prefix of every case number: kept short enough for all three.</summary>
    public const int MaxIdLength = 64;

    public const int MaxNameLength = 100;

    /// <summary>Bounds a team's size and load, so that a typo cannot make a unit's desk build millions of mediators.</summary>
    public const int MaxTeamSize = 1_000;

    public const int MaxConcurrentCases = 1_000;

    public CityDefinition Definition { get; }

    public string Id => Definition.Id;

    public IReadOnlyList<UnitProfile> Units { get; }

    public UnitProfile Root => Units[0];

    public int CountAt(Level level) => Units.Count(u => u.Level == level);

    /// <summary>
    /// This city with every unit id (and the city's) prefixed: the simulator gives each replication
    /// its own copy, so replications can share one silo without sharing any unit's queue, counters
    /// or deadline watch. Not validated again: a common prefix changes no level and no parent link.
    /// </summary>
    public CityPlan WithIdPrefix(string prefix)
    {
        var copy = Definition with
        {
            Id = prefix + Definition.Id,
            Units = [.. Definition.Units.Select(u => u with { Id = prefix + u.Id, Parent = u.Parent is null ? null : prefix + u.Parent })],
        };
        return new CityPlan(copy, BuildProfiles(copy, copy.Units.ToDictionary(u => u.Id, StringComparer.Ordinal)));
    }

    /// <summary>Validates a parsed city; throws <see cref="CityFileException"/> naming every bad entry.</summary>
    public static CityPlan From(CityDefinition city, string source)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(city.Id))
        {
            problems.Add("id: missing (the city needs an id)");
        }
        else if (city.Id.Length > MaxIdLength)
        {
            problems.Add($"id: {city.Id.Length} characters, at most {MaxIdLength}");
        }

        problems.AddRange(city.Policy.Validate());

        var byId = new Dictionary<string, (int Index, UnitDefinition Unit)>(StringComparer.Ordinal);
        for (var i = 0; i < city.Units.Count; i++)
        {
            var unit = city.Units[i];
            if (string.IsNullOrWhiteSpace(unit.Id) || unit.Id.Contains('/') || unit.Id.Any(char.IsWhiteSpace))
            {
                problems.Add($"units[{i}]: id '{unit.Id}' must be non-empty, without '/' or spaces");
                continue;
            }

            if (unit.Id.Length > MaxIdLength)
            {
                problems.Add($"units[{i}]: id of {unit.Id.Length} characters, at most {MaxIdLength}");
                continue;
            }

            if (unit.Name.Length > MaxNameLength)
            {
                problems.Add($"{NameOf(i, unit.Id)}: name of {unit.Name.Length} characters, at most {MaxNameLength}");
            }

            if (!byId.TryAdd(unit.Id, (i, unit)))
            {
                problems.Add($"{NameOf(i, unit.Id)}: duplicate id (first used by units[{byId[unit.Id].Index}])");
                continue;
            }

            ValidateStaff(unit, i, problems);
            if (unit.Location is { } location && !UnitLocation.IsValid(location.Lat, location.Long))
            {
                problems.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{NameOf(i, unit.Id)}: location must have lat between -90 and 90 and long between -180 and 180, got ({location.Lat}, {location.Long})"));
            }
        }

        var roots = byId.Values.Where(u => u.Unit.Level == Level.City).ToList();
        if (roots.Count != 1)
        {
            problems.Add($"the city needs exactly one unit of level city, found {roots.Count}");
        }

        foreach (var (index, unit) in byId.Values)
        {
            var level = unit.Level;
            if (level == Level.City)
            {
                if (unit.Parent is not null)
                {
                    problems.Add($"{NameOf(index, unit.Id)}: the city unit has no parent, got '{unit.Parent}'");
                }

                continue;
            }

            if (unit.Parent is null)
            {
                problems.Add($"{NameOf(index, unit.Id)}: missing parent (a {level} needs a {level + 1} above it)");
            }
            else if (!byId.TryGetValue(unit.Parent, out var parent))
            {
                problems.Add($"{NameOf(index, unit.Id)}: parent '{unit.Parent}' does not exist");
            }
            else if (FindCycle(unit.Id, byId) is { } cycle)
            {
                problems.Add($"{NameOf(index, unit.Id)}: its parents form a cycle: {cycle}");
            }
            else if (parent.Unit.Level != level + 1)
            {
                problems.Add($"{NameOf(index, unit.Id)}: a {level} must hang under a {level + 1}, but parent '{unit.Parent}' is a {parent.Unit.Level}");
            }
        }

        if (problems.Count > 0)
        {
            throw new CityFileException(source, problems);
        }

        return new CityPlan(city, BuildProfiles(city, byId.ToDictionary(p => p.Key, p => p.Value.Unit, StringComparer.Ordinal)));
    }

    /// <summary>How problems name a unit; made only for a problem, as a city has tens of thousands of units.</summary>
    internal static string NameOf(int index, string id) => $"units[{index}] '{id}'";

    private static void ValidateStaff(UnitDefinition unit, int index, List<string> problems)
    {
        var people = 0;
        for (var t = 0; t < unit.Mediators.Count; t++)
        {
            var team = unit.Mediators[t];
            if (team.Count is < 0 or > MaxTeamSize)
            {
                problems.Add($"{NameOf(index, unit.Id)} mediators[{t}]: staff count must be between 0 and {MaxTeamSize}, got {team.Count}");
            }

            if (team.ConcurrentCases is < 1 or > MaxConcurrentCases)
            {
                problems.Add($"{NameOf(index, unit.Id)} mediators[{t}]: concurrentCases must be between 1 and {MaxConcurrentCases}, got {team.ConcurrentCases}");
            }

            foreach (var skill in team.Skills ?? [])
            {
                if (!TryParseEnum<CaseType>(skill, out _))
                {
                    problems.Add($"{NameOf(index, unit.Id)} mediators[{t}]: unknown case type '{skill}' (expected one of {string.Join(", ", Enum.GetNames<CaseType>().Select(Camel))})");
                }
            }

            people += Math.Max(0, team.Count);
        }

        if (people == 0)
        {
            problems.Add(unit.Level == Level.Grid ? $"{NameOf(index, unit.Id)}: a grid needs at least one grid worker" : $"{NameOf(index, unit.Id)}: a centre needs at least one mediator");
        }

        if (unit.Level == Level.Grid && unit.Departments.Count > 0)
        {
            problems.Add($"{NameOf(index, unit.Id)}: departments are stationed in centres, not in grids");
        }

        var seen = unit.Departments.Count > 0 ? new HashSet<DepartmentKind>() : null;
        for (var d = 0; d < unit.Departments.Count; d++)
        {
            var department = unit.Departments[d];
            if (!TryParseEnum<DepartmentKind>(department.Kind, out var kind))
            {
                problems.Add($"{NameOf(index, unit.Id)} departments[{d}]: unknown department '{department.Kind}' (expected one of {string.Join(", ", Enum.GetNames<DepartmentKind>().Select(Camel))})");
            }
            else if (!seen!.Add(kind))
            {
                problems.Add($"{NameOf(index, unit.Id)} departments[{d}]: department '{department.Kind}' is listed twice");
            }

            if (!TryParseEnum<Stationing>(department.Stationing, out _))
            {
                problems.Add($"{NameOf(index, unit.Id)} departments[{d}]: unknown stationing '{department.Stationing}' (expected resident, rotating or onCall)");
            }
        }
    }

    private static string? FindCycle(string start, Dictionary<string, (int Index, UnitDefinition Unit)> byId)
    {
        // A walk up that ends within as many steps as there are units met no unit twice: no cycle, nothing to name.
        var current = start;
        for (var steps = 0; steps <= byId.Count; steps++)
        {
            if (!byId.TryGetValue(current, out var above) || above.Unit.Parent is not { } parent || !byId.ContainsKey(parent))
            {
                return null;
            }

            current = parent;
        }

        return NameCycle(start, byId);
    }

    private static string? NameCycle(string start, Dictionary<string, (int Index, UnitDefinition Unit)> byId)
    {
        var path = new List<string> { start };
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var current = start;
        while (byId.TryGetValue(current, out var entry) && entry.Unit.Parent is { } parent && byId.ContainsKey(parent))
        {
            path.Add(parent);
            if (!seen.Add(parent))
            {
                return parent == start ? string.Join(" → ", path) : null;
            }

            current = parent;
        }

        return null;
    }

    private static List<UnitProfile> BuildProfiles(CityDefinition city, Dictionary<string, UnitDefinition> byId)
    {
        // One reference per unit, shared by every list that names it: a city of 16,000 units would
        // otherwise hold one per ancestor of every unit.
        var refs = byId.ToDictionary(p => p.Key, p => new UnitRef(p.Key, p.Value.Level), StringComparer.Ordinal);
        var children = byId.Values
            .Where(u => u.Parent is not null)
            .GroupBy(u => u.Parent!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<UnitRef>)g.Select(c => refs[c.Id]).ToArray(), StringComparer.Ordinal);
        var allTypes = Enum.GetValues<CaseType>();

        return city.Units
            .Select(unit =>
            {
                var depth = 0;
                for (var parent = unit.Parent; parent is not null; parent = byId[parent].Parent)
                {
                    depth++;
                }

                var ancestors = new UnitRef[depth];
                var a = 0;
                for (var parent = unit.Parent; parent is not null; parent = byId[parent].Parent)
                {
                    ancestors[a++] = refs[parent];
                }

                var prefix = unit.Level == Level.Grid ? "w" : "m";
                var number = 0;
                var mediators = unit.Mediators
                    .SelectMany(team => Enumerable.Range(0, team.Count).Select(_ => new MediatorProfile(
                        Actors.Person(unit.Id, $"{prefix}{++number}"),
                        team.Skills is { Count: > 0 } skills ? skills.Select(ParseEnum<CaseType>).Distinct().ToArray() : allTypes,
                        team.ConcurrentCases)))
                    .ToArray();
                var departments = unit.Departments
                    .Select(d => new StationedDepartment(ParseEnum<DepartmentKind>(d.Kind), ParseEnum<Stationing>(d.Stationing)))
                    .ToArray();
                return new UnitProfile(unit.Id, unit.Name, unit.Level, ancestors, children.GetValueOrDefault(unit.Id) ?? [], mediators, departments, city.Policy);
            })
            .OrderByDescending(p => p.Level)
            .ToList();
    }

    private static bool TryParseEnum<T>(string? text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);

    private static T ParseEnum<T>(string text)
        where T : struct, Enum => Enum.Parse<T>(text, ignoreCase: true);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
