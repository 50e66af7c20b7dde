using System.Globalization;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Domain.Warnings;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Orleans.Governance.Simulation.Scenarios;

/// <summary>
/// Reads a scenario (YAML, or JSON, which YAML reads too) into a <see cref="Scenario"/>. Every
/// problem is collected with the path of the field, the value found and what was expected, and
/// the file is refused as a whole before anything runs.
/// </summary>
public sealed class ScenarioReader
{
    /// <summary>Ten years: a run's calendar, ledgers and time series grow with the horizon.</summary>
    private const double MaxHorizonDays = 3_650;

    private readonly List<string> _problems = [];
    private readonly string _source;
    private readonly string _directory;

    private delegate bool ItemParser<T>(string text, out T value);

    private ScenarioReader(string source, string directory)
    {
        _source = source;
        _directory = directory;
    }

    public static Scenario LoadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new ScenarioException(path, [$"the file does not exist (working directory {Environment.CurrentDirectory})"]);
        }

        return Parse(File.ReadAllText(path), path, Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    public static Scenario Parse(string text, string source, string directory)
    {
        object? root;
        try
        {
            root = new DeserializerBuilder().Build().Deserialize<object>(text);
        }
        catch (YamlException e)
        {
            throw new ScenarioException(source, [$"malformed YAML at line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}"]);
        }

        var reader = new ScenarioReader(source, directory);
        var scenario = reader.Read(root, Path.GetFileNameWithoutExtension(source));
        if (reader._problems.Count > 0 || scenario is null)
        {
            throw new ScenarioException(source, reader._problems);
        }

        return scenario;
    }

    /// <summary>A case type as scenarios write it (camelCase).</summary>
    public static string TypeName(CaseType type) => Camel(type.ToString());

    /// <summary>An intake channel as scenarios write it (camelCase).</summary>
    public static string ChannelName(IntakeChannel channel) => Camel(channel.ToString());

    private Scenario? Read(object? root, string fallbackName)
    {
        var map = Map(root, "(root)");
        if (map is null)
        {
            _problems.Add("(root): empty — expected a mapping with at least city, arrivals, handling and resolution");
            return null;
        }

        Known(map, "", "name", "seed", "replications", "horizonDays", "warmUpDays", "startDate", "city", "staffing", "policy",
            "arrivals", "calendar", "handling", "resolution", "signDelay", "closeDelay", "followUp", "channels", "intake");
        var horizon = Number(map, "horizonDays", "", 90, 0, MaxHorizonDays, $"a number of days > 0 and at most {MaxHorizonDays} (ten years)", exclusiveMin: true);
        var warmUp = Number(map, "warmUpDays", "", 0, 0, double.MaxValue, "a number of days ≥ 0");
        if (warmUp >= horizon && horizon > 0)
        {
            _problems.Add($"warmUpDays: {Format(warmUp)} — expected fewer days than horizonDays ({Format(horizon)})");
        }

        // The city is validated here, once for the whole run: replications take prefixed copies of the plan.
        var city = ReadCity(map);
        CityPlan? plan = null;
        if (city is not null)
        {
            city = ApplyStaffing(city, Map(map.GetValueOrDefault("staffing"), "staffing"));
            city = city with { Policy = ReadPolicy(Map(map.GetValueOrDefault("policy"), "policy"), city.Policy) };
            try
            {
                plan = CityPlan.From(city, city.Id);
            }
            catch (CityFileException e)
            {
                _problems.AddRange(e.Problems.Select(p => $"city: {p}"));
            }
        }

        var levels = city is null ? [] : LevelsOf(city);
        var arrivals = ReadArrivals(Map(map.GetValueOrDefault("arrivals"), "arrivals"), levels);
        var (handling, handlingByType) = ReadByTypeAndLevel(map, "handling", levels, (node, path) => Duration(node, path), "a duration");
        var (resolution, resolutionByType) = ReadByTypeAndLevel(map, "resolution", levels, (node, path) => Probability(node, path), "a probability");
        var calendar = Map(map.GetValueOrDefault("calendar"), "calendar");
        var followUp = Map(map.GetValueOrDefault("followUp"), "followUp");
        var intake = Map(map.GetValueOrDefault("intake"), "intake");
        Known(calendar, "calendar", "dayOfWeek", "monthly", "surges");
        Known(followUp, "followUp", "share", "delay", "satisfaction");
        Known(intake, "intake", "highRiskShare", "longStandingShare", "groupShare", "litigationShare");
        var satisfaction = Map(followUp?.GetValueOrDefault("satisfaction"), "followUp.satisfaction");
        Known(satisfaction, "followUp.satisfaction", "resolved", "referred");

        if (city is not null && arrivals.Count > 0 && arrivals.Values.All(r => r.All(x => x == 0)))
        {
            _problems.Add("arrivals: every rate is 0 — expected at least one positive rate");
        }

        return new Scenario
        {
            Name = Text(map, "name", "") ?? fallbackName,
            Seed = (long)Number(map, "seed", "", 1, long.MinValue, long.MaxValue, "an integer", integer: true),
            Replications = (int)Number(map, "replications", "", 1, 1, 10_000, "an integer ≥ 1", integer: true),
            HorizonDays = horizon,
            WarmUpDays = warmUp,
            StartDate = Date(map, "startDate", "") ?? new DateOnly(2026, 3, 2),
            Arrivals = arrivals,
            DayOfWeek = Weights(calendar, "dayOfWeek", "calendar", 7, "7 multipliers ≥ 0 (Monday … Sunday)") ?? [1, 1, 1, 1, 1, 1, 1],
            Monthly = Weights(calendar, "monthly", "calendar", 12, "12 multipliers ≥ 0 (January … December)") ?? [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
            Surges = ReadSurges(calendar?.GetValueOrDefault("surges"), city is null ? null : UnitTree.Of(city)),
            Handling = handling,
            HandlingByType = handlingByType,
            Resolution = resolution,
            ResolutionByType = resolutionByType,
            SignDelay = Duration(map.GetValueOrDefault("signDelay"), "signDelay") ?? DurationSpec.Zero,
            CloseDelay = Duration(map.GetValueOrDefault("closeDelay"), "closeDelay") ?? DurationSpec.Zero,
            FollowUpShare = Number(followUp, "share", "followUp", 1, 0, 1, "a probability between 0 and 1"),
            FollowUpDelay = Duration(followUp?.GetValueOrDefault("delay"), "followUp.delay") ?? new DurationSpec(DurationKind.Fixed, 1),
            SatisfactionResolved = Weights(satisfaction, "resolved", "followUp.satisfaction", 5, "5 weights ≥ 0 for satisfaction 1 … 5") ?? [0.01, 0.01, 0.03, 0.15, 0.80],
            SatisfactionReferred = Weights(satisfaction, "referred", "followUp.satisfaction", 5, "5 weights ≥ 0 for satisfaction 1 … 5") ?? [0.10, 0.15, 0.35, 0.25, 0.15],
            Channels = ReadChannels(Map(map.GetValueOrDefault("channels"), "channels")),
            HighRiskShare = Number(intake, "highRiskShare", "intake", 0, 0, 1, "a probability between 0 and 1"),
            LongStandingShare = Number(intake, "longStandingShare", "intake", 0, 0, 1, "a probability between 0 and 1"),
            GroupShare = Number(intake, "groupShare", "intake", 0, 0, 1, "a probability between 0 and 1"),
            LitigationShare = Number(intake, "litigationShare", "intake", 0.5, 0, 1, "a probability between 0 and 1"),

            // Last, after every other field has had its say: without a valid city the problems so far are the answer.
            City = plan ?? throw new ScenarioException(_source, _problems),
        };
    }

    private CityDefinition? ReadCity(IReadOnlyDictionary<string, object?> root)
    {
        var city = Map(root.GetValueOrDefault("city"), "city");
        if (city is null)
        {
            _problems.Add("city: missing — expected { file: path/to/city.json } or { shape: sample | dezhou | {counties, townships, villages, grids, …} }");
            return null;
        }

        Known(city, "city", "file", "shape");
        var file = Text(city, "file", "city");
        var shapeNode = city.GetValueOrDefault("shape");
        if ((file is null) == (shapeNode is null))
        {
            _problems.Add("city: " + (file is null ? "neither file nor shape" : "both file and shape") + " — expected exactly one of them");
            return null;
        }

        try
        {
            if (file is not null)
            {
                var path = Path.IsPathRooted(file) ? file : Path.GetFullPath(Path.Combine(_directory, file));
                if (!File.Exists(path))
                {
                    _problems.Add($"city.file: {file} — expected an existing city file (looked for {path})");
                    return null;
                }

                return CityFile.ParseFile(path);
            }

            var shape = ReadShape(shapeNode);
            return shape is null ? null : CityGenerator.Generate(shape);
        }
        catch (CityFileException e)
        {
            _problems.AddRange(e.Problems.Select(p => $"city: {p}"));
            return null;
        }
    }

    private CityShape? ReadShape(object? node)
    {
        if (node is string name)
        {
            switch (name)
            {
                case "sample":
                    return new CityShape();
                case "dezhou":
                    return CityShape.Dezhou;
                default:
                    _problems.Add($"city.shape: {name} — expected sample, dezhou or a mapping of counts");
                    return null;
            }
        }

        var map = Map(node, "city.shape");
        if (map is null)
        {
            return null;
        }

        Known(map, "city.shape", "id", "name", "counties", "townships", "villages", "grids", "villageMediators", "townshipMediators", "countyMediators", "cityMediators", "seed");
        var defaults = new CityShape();
        int Count(string key, int fallback) => (int)Number(map, key, "city.shape", fallback, 1, 1_000_000, "an integer ≥ 1", integer: true);
        return new CityShape
        {
            Id = Text(map, "id", "city.shape") ?? defaults.Id,
            Name = Text(map, "name", "city.shape") ?? defaults.Name,
            Counties = Count("counties", defaults.Counties),
            Townships = Count("townships", defaults.Townships),
            Villages = Count("villages", defaults.Villages),
            Grids = Count("grids", defaults.Grids),
            VillageMediators = Count("villageMediators", defaults.VillageMediators),
            TownshipMediators = Count("townshipMediators", defaults.TownshipMediators),
            CountyMediators = Count("countyMediators", defaults.CountyMediators),
            CityMediators = Count("cityMediators", defaults.CityMediators),
            Seed = Count("seed", defaults.Seed),
        };
    }

    /// <summary>Replaces the mediator teams of whole levels or single centres by one generalist team of the given size.</summary>
    private CityDefinition ApplyStaffing(CityDefinition city, IReadOnlyDictionary<string, object?>? staffing)
    {
        if (staffing is null)
        {
            return city;
        }

        Known(staffing, "staffing", [.. LevelNames.All.Select(LevelNames.Key), "centres"]);
        var byLevel = new Dictionary<Level, int>();
        foreach (var level in LevelNames.All)
        {
            if (staffing.ContainsKey(LevelNames.Key(level)))
            {
                byLevel[level] = (int)Number(staffing, LevelNames.Key(level), "staffing", 1, 1, 100_000, "an integer ≥ 1", integer: true);
            }
        }

        var byCentre = new Dictionary<string, int>(StringComparer.Ordinal);
        var centres = Map(staffing.GetValueOrDefault("centres"), "staffing.centres");
        var ids = city.Units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in centres?.Keys ?? [])
        {
            if (!ids.Contains(id))
            {
                _problems.Add($"staffing.centres.{id}: {Scalar(centres![id])} — expected the id of a unit of the city");
                continue;
            }

            byCentre[id] = (int)Number(centres!, id, "staffing.centres", 1, 1, 100_000, "an integer ≥ 1", integer: true);
        }

        return city.Restaffed(unit => byCentre.TryGetValue(unit.Id, out var count) || byLevel.TryGetValue(unit.Level, out count) ? count : null);
    }

    private GovernancePolicy ReadPolicy(IReadOnlyDictionary<string, object?>? map, GovernancePolicy policy)
    {
        if (map is not null)
        {
            Known(map, "policy", "simpleDays", "normalDays", "complexDays", "highRiskDays", "longStandingDays", "signWarningHours",
                "overdueEscalationDays", "highRiskRaiseTo", "complexAmountYuan", "complexPartyCount", "earlyWarning", "deadlineDays", "workingCalendar");
            // The bounds of city files (GovernancePolicy.MaxDays): a unit's wake-up reaches any deadline in steps (UnitHandler.MaxWait).
            double Days(string key, double fallback) => Number(map, key, "policy", fallback, 0, GovernancePolicy.MaxDays, $"a number of days > 0 and at most {GovernancePolicy.MaxDays}", exclusiveMin: true);
            var grace = map.TryGetValue("overdueEscalationDays", out var g) && IsNull(g)
                ? null
                : (double?)Number(map, "overdueEscalationDays", "policy", policy.OverdueEscalationDays ?? 3, 0, GovernancePolicy.MaxDays, "a number of days ≥ 0, or null to never escalate overdue cases");
            policy = policy with
            {
                SimpleDays = Days("simpleDays", policy.SimpleDays),
                NormalDays = Days("normalDays", policy.NormalDays),
                ComplexDays = Days("complexDays", policy.ComplexDays),
                HighRiskDays = Days("highRiskDays", policy.HighRiskDays),
                LongStandingDays = Days("longStandingDays", policy.LongStandingDays),
                SignWarningHours = Number(map, "signWarningHours", "policy", policy.SignWarningHours, 0, GovernancePolicy.MaxDays * 24, "a number of hours > 0", exclusiveMin: true),
                OverdueEscalationDays = grace,
                HighRiskRaiseTo = LevelValue(map, "highRiskRaiseTo", "policy") ?? policy.HighRiskRaiseTo,
                ComplexAmountYuan = (long)Number(map, "complexAmountYuan", "policy", policy.ComplexAmountYuan, 0, long.MaxValue, "an amount in yuan ≥ 0", integer: true),
                ComplexPartyCount = (int)Number(map, "complexPartyCount", "policy", policy.ComplexPartyCount, 2, 1000, "an integer ≥ 2", integer: true),
                EarlyWarning = ReadEarlyWarning(Map(map.GetValueOrDefault("earlyWarning"), "policy.earlyWarning"), policy.EarlyWarning),
            };
            policy = ReadDeadlineDays(map, policy);
        }

        _problems.AddRange(policy.Validate());
        return policy;
    }

    /// <summary>
    /// What the policy's days count, and the calendar of working days (a file relative to the
    /// scenario); <c>deadlineDays: calendar</c> drops a working calendar the city's policy names.
    /// </summary>
    private GovernancePolicy ReadDeadlineDays(IReadOnlyDictionary<string, object?> map, GovernancePolicy policy)
    {
        var days = Text(map, "deadlineDays", "policy") switch
        {
            null => policy.DeadlineDays,
            "calendar" => DeadlineDays.Calendar,
            "working" => DeadlineDays.Working,
            var other => Refused($"policy.deadlineDays: {other} — expected calendar or working", policy.DeadlineDays),
        };
        var calendar = days == DeadlineDays.Calendar ? null : policy.WorkingCalendar;
        if (Text(map, "workingCalendar", "policy") is { } file)
        {
            var found = new List<string>();
            calendar = WorkingCalendarFile.Load(file, _directory, found);
            _problems.AddRange(found.Select(p => $"policy.workingCalendar: {p}"));
        }

        return policy with { DeadlineDays = days, WorkingCalendar = calendar };
    }

    private T Refused<T>(string problem, T fallback)
    {
        _problems.Add(problem);
        return fallback;
    }

    /// <summary>Overrides of the early-warning rule; its own checks (a baseline that fits the units' ledgers) run with the policy's.</summary>
    private EarlyWarningRule ReadEarlyWarning(IReadOnlyDictionary<string, object?>? map, EarlyWarningRule rule)
    {
        if (map is null)
        {
            return rule;
        }

        const string Path = "policy.earlyWarning";
        Known(map, Path, "alpha", "maxWindowDays", "baselineDays", "guardDays", "minBaselineDays", "minObserved", "minLevel");
        int Integer(string key, int fallback, int min) => (int)Number(map, key, Path, fallback, min, DailyLedger.RetainedDays, $"an integer ≥ {min} and at most {DailyLedger.RetainedDays}", integer: true);
        return rule with
        {
            Alpha = Number(map, "alpha", Path, rule.Alpha, 0, 1, "a probability > 0 and < 1", exclusiveMin: true),
            MaxWindowDays = Integer("maxWindowDays", rule.MaxWindowDays, 1),
            BaselineDays = Integer("baselineDays", rule.BaselineDays, 1),
            GuardDays = Integer("guardDays", rule.GuardDays, 0),
            MinBaselineDays = Integer("minBaselineDays", rule.MinBaselineDays, 1),
            MinObserved = Integer("minObserved", rule.MinObserved, 1),
            MinLevel = LevelValue(map, "minLevel", Path) ?? rule.MinLevel,
        };
    }

    private Dictionary<CaseType, double[]> ReadArrivals(IReadOnlyDictionary<string, object?>? map, bool[] levels)
    {
        var arrivals = new Dictionary<CaseType, double[]>();
        if (map is null)
        {
            _problems.Add($"arrivals: missing — expected a mapping from case type ({TypeNames}) to rates such as {{ ratePerGridPerDay: 0.02 }}");
            return arrivals;
        }

        foreach (var (key, value) in map)
        {
            var path = $"arrivals.{key}";
            if (!TryEnum<CaseType>(key, out var type))
            {
                _problems.Add($"{path}: unknown case type — expected one of {TypeNames}");
                continue;
            }

            var rates = Map(value, path);
            if (rates is null)
            {
                continue;
            }

            var keys = LevelNames.All.Select(RateKey).ToArray();
            Known(rates, path, keys);
            var byLevel = new double[LevelNames.All.Count];
            foreach (var level in LevelNames.All)
            {
                var l = (int)level;
                byLevel[l] = Number(rates, keys[l], path, 0, 0, double.MaxValue, "a number ≥ 0");
                if (byLevel[l] > 0 && levels.Length > 0 && !levels[l])
                {
                    _problems.Add($"{path}.{keys[l]}: {Format(byLevel[l])} — expected 0: the city has no {LevelNames.Key(level)} units");
                }
            }

            arrivals[type] = byLevel;
        }

        return arrivals;
    }

    private (T?[] Default, Dictionary<CaseType, T?[]> ByType) ReadByTypeAndLevel<T>(IReadOnlyDictionary<string, object?> root, string name, bool[] levels, Func<object?, string, T?> read, string what)
    {
        var byType = new Dictionary<CaseType, T?[]>();
        var defaults = new T?[LevelNames.All.Count];
        var map = Map(root.GetValueOrDefault(name), name);
        if (map is null)
        {
            _problems.Add($"{name}: missing — expected {{ default: {{ {string.Join(", ", LevelNames.All.Select(l => $"{LevelNames.Key(l)}: …"))} }} }} with {what} per level");
            return (defaults, byType);
        }

        foreach (var (key, value) in map)
        {
            var path = $"{name}.{key}";
            var isDefault = key == "default";
            if (!isDefault && !TryEnum<CaseType>(key, out _))
            {
                _problems.Add($"{path}: unknown case type — expected default or one of {TypeNames}");
                continue;
            }

            var perLevel = Map(value, path);
            if (perLevel is null)
            {
                continue;
            }

            Known(perLevel, path, [.. LevelNames.All.Select(LevelNames.Key)]);
            var values = new T?[LevelNames.All.Count];
            foreach (var level in LevelNames.All)
            {
                var levelKey = LevelNames.Key(level);
                if (perLevel.TryGetValue(levelKey, out var node))
                {
                    values[(int)level] = read(node, $"{path}.{levelKey}");
                }
                else if (isDefault && (int)level < levels.Length && levels[(int)level])
                {
                    _problems.Add($"{path}.{levelKey}: missing — expected {what}: the city has {levelKey} units");
                }
            }

            if (isDefault)
            {
                defaults = values;
            }
            else
            {
                TryEnum<CaseType>(key, out var type);
                byType[type] = values;
            }
        }

        if (!map.ContainsKey("default"))
        {
            _problems.Add($"{name}.default: missing — expected {what} for every level the city has");
        }

        return (defaults, byType);
    }

    private List<Surge> ReadSurges(object? node, UnitTree? tree)
    {
        var surges = new List<Surge>();
        if (node is null)
        {
            return surges;
        }

        if (node is not List<object?> list)
        {
            _problems.Add($"calendar.surges: {Scalar(node)} — expected a list of {{ fromDay, toDay, multiplier, types, units }}");
            return surges;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var path = $"calendar.surges[{i}]";
            var map = Map(list[i], path);
            if (map is null)
            {
                continue;
            }

            Known(map, path, "fromDay", "toDay", "multiplier", "types", "units");
            var from = Number(map, "fromDay", path, 0, 0, double.MaxValue, "a day ≥ 0");
            var to = Number(map, "toDay", path, double.NaN, 0, double.MaxValue, "a day after fromDay");
            if (to <= from)
            {
                _problems.Add($"{path}.toDay: {Format(to)} — expected a day after fromDay ({Format(from)})");
            }

            var types = Items(map, "types", path, (string text, out CaseType type) => TryEnum(text, out type), $"one of {TypeNames}");
            var units = Items(map, "units", path, (string text, out string id) =>
            {
                id = text;
                return tree is null || tree.Contains(text);
            }, "the id of a unit of the city");
            if (units is { Count: 0 } && map["units"] is List<object?> { Count: 0 })
            {
                _problems.Add($"{path}.units: [] — expected at least one unit id (leave units out for the whole city)");
            }

            surges.Add(new Surge(from, to, Number(map, "multiplier", path, double.NaN, 0, double.MaxValue, "a multiplier ≥ 0"), types, units));
        }

        return surges;
    }

    /// <summary>An optional list (or a single item) under <paramref name="key"/>; null when absent, every bad item named with its index.</summary>
    private HashSet<T>? Items<T>(IReadOnlyDictionary<string, object?> map, string key, string path, ItemParser<T> parse, string expected)
    {
        if (map.GetValueOrDefault(key) is not { } node)
        {
            return null;
        }

        var items = new HashSet<T>();
        foreach (var (item, index) in (node as List<object?> ?? [node]).Select((t, j) => (t, j)))
        {
            if (item is string text && parse(text, out var value))
            {
                items.Add(value);
            }
            else
            {
                _problems.Add($"{path}.{key}[{index}]: {Scalar(item)} — expected {expected}");
            }
        }

        return items;
    }

    private Dictionary<IntakeChannel, double> ReadChannels(IReadOnlyDictionary<string, object?>? map)
    {
        if (map is null)
        {
            return new() { [IntakeChannel.GridPatrol] = 1 };
        }

        var channels = new Dictionary<IntakeChannel, double>();
        foreach (var key in map.Keys)
        {
            if (!TryEnum<IntakeChannel>(key, out var channel))
            {
                _problems.Add($"channels.{key}: unknown channel — expected one of {string.Join(", ", Enum.GetValues<IntakeChannel>().Select(ChannelName))}");
                continue;
            }

            channels[channel] = Number(map, key, "channels", 0, 0, double.MaxValue, "a weight ≥ 0");
        }

        if (channels.Count > 0 && channels.Values.Sum() <= 0)
        {
            _problems.Add("channels: all weights are 0 — expected at least one positive weight");
        }

        return channels;
    }

    private DurationSpec? Duration(object? node, string path)
    {
        if (node is null)
        {
            return null;
        }

        var map = Map(node, path);
        if (map is null)
        {
            return null;
        }

        Known(map, path, "distribution", "meanDays", "sdDays");
        var text = Text(map, "distribution", path);
        DurationKind kind;
        switch (text)
        {
            case "exponential":
                kind = DurationKind.Exponential;
                break;
            case "lognormal":
                kind = DurationKind.LogNormal;
                break;
            case "fixed":
                kind = DurationKind.Fixed;
                break;
            default:
                _problems.Add($"{path}.distribution: {text ?? "(missing)"} — expected exponential, lognormal or fixed");
                return null;
        }

        var mean = Number(map, "meanDays", path, double.NaN, 0, double.MaxValue, kind == DurationKind.Fixed ? "a number of days ≥ 0" : "a number of days > 0", exclusiveMin: kind != DurationKind.Fixed);
        var sd = kind == DurationKind.LogNormal
            ? Number(map, "sdDays", path, double.NaN, 0, double.MaxValue, "a standard deviation in days > 0", exclusiveMin: true)
            : 0;
        if (kind != DurationKind.LogNormal && map.ContainsKey("sdDays"))
        {
            _problems.Add($"{path}.sdDays: {Scalar(map["sdDays"])} — expected no sdDays: only a lognormal has one");
        }

        return new DurationSpec(kind, mean, sd);
    }

    private double? Probability(object? node, string path)
    {
        if (TryNumber(node, out var p) && p is >= 0 and <= 1)
        {
            return p;
        }

        _problems.Add($"{path}: {Scalar(node)} — expected a probability between 0 and 1");
        return null;
    }

    private double[]? Weights(IReadOnlyDictionary<string, object?>? map, string key, string parent, int count, string expected)
    {
        if (map?.GetValueOrDefault(key) is not { } node)
        {
            return null;
        }

        var values = (node as List<object?>)?.Select(v => TryNumber(v, out var x) ? x : double.NaN).ToArray();
        if (values is null || values.Length != count || values.Any(v => !(v >= 0) || double.IsInfinity(v)) || values.Sum() <= 0)
        {
            _problems.Add($"{Join(parent, key)}: {Scalar(node)} — expected {expected}, not all 0");
            return null;
        }

        return values;
    }

    private double Number(IReadOnlyDictionary<string, object?>? map, string key, string parent, double fallback, double min, double max, string expected, bool exclusiveMin = false, bool integer = false)
    {
        if (map is null || !map.TryGetValue(key, out var node))
        {
            if (double.IsNaN(fallback))
            {
                _problems.Add($"{Join(parent, key)}: missing — expected {expected}");
            }

            return fallback;
        }

        if (TryNumber(node, out var value) && (exclusiveMin ? value > min : value >= min) && value <= max && !double.IsInfinity(value) && (!integer || value == Math.Floor(value)))
        {
            return value;
        }

        _problems.Add($"{Join(parent, key)}: {Scalar(node)} — expected {expected}");
        return double.IsNaN(fallback) ? 0 : fallback;
    }

    private string? Text(IReadOnlyDictionary<string, object?>? map, string key, string parent)
    {
        if (map?.GetValueOrDefault(key) is not { } node)
        {
            return null;
        }

        if (node is string text && text.Length > 0)
        {
            return text;
        }

        _problems.Add($"{Join(parent, key)}: {Scalar(node)} — expected a text");
        return null;
    }

    private DateOnly? Date(IReadOnlyDictionary<string, object?> map, string key, string parent)
    {
        if (map.GetValueOrDefault(key) is not { } node)
        {
            return null;
        }

        if (node is string text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        _problems.Add($"{Join(parent, key)}: {Scalar(node)} — expected a date such as 2026-03-02");
        return null;
    }

    private Level? LevelValue(IReadOnlyDictionary<string, object?> map, string key, string parent)
    {
        if (map.GetValueOrDefault(key) is not { } node)
        {
            return null;
        }

        if (LevelNames.TryParse(node as string, out var level) && level != Level.Grid)
        {
            return level;
        }

        _problems.Add($"{Join(parent, key)}: {Scalar(node)} — expected {LevelNames.Listed(LevelNames.All.Where(l => l != Level.Grid))}");
        return null;
    }

    private IReadOnlyDictionary<string, object?>? Map(object? node, string path)
    {
        switch (node)
        {
            case null:
                return null;
            case Dictionary<object, object?> map:
                return map.ToDictionary(p => Convert.ToString(p.Key, CultureInfo.InvariantCulture) ?? "", p => IsNull(p.Value) ? null : p.Value, StringComparer.Ordinal);
            default:
                _problems.Add($"{path}: {Scalar(node)} — expected a mapping");
                return null;
        }
    }

    private void Known(IReadOnlyDictionary<string, object?>? map, string path, params string[] keys)
    {
        foreach (var key in map?.Keys ?? [])
        {
            if (!keys.Contains(key, StringComparer.Ordinal))
            {
                _problems.Add($"{Join(path, key)}: unknown field — expected one of {string.Join(", ", keys)}");
            }
        }
    }

    private static bool[] LevelsOf(CityDefinition city)
    {
        var present = new bool[LevelNames.All.Count];
        foreach (var unit in city.Units)
        {
            present[(int)unit.Level] = true;
        }

        return present;
    }

    private static string RateKey(Level level)
    {
        var key = LevelNames.Key(level);
        return $"ratePer{char.ToUpperInvariant(key[0])}{key[1..]}PerDay";
    }

    internal static string TypeNames => string.Join(", ", Enum.GetValues<CaseType>().Select(TypeName));

    /// <summary>A name of <typeparamref name="T"/> in any case, never a number.</summary>
    internal static bool TryEnum<T>(string text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);

    private static bool TryNumber(object? node, out double value)
    {
        value = double.NaN;
        return node is string text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsNull(object? node) => node is null or "null" or "~";

    private static string Scalar(object? node) => node switch
    {
        null => "(empty)",
        string text => text,
        List<object?> list => $"[{string.Join(", ", list.Select(Scalar))}]",
        _ => "(a mapping)",
    };

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Join(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
