using System.Globalization;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Domain.Warnings;
using Orleans.Governance.Simulation.Scenarios.Yaml;

namespace Orleans.Governance.Simulation.Scenarios;

/// <summary>
/// Reads a scenario (YAML, or JSON, which YAML reads too) into a <see cref="Scenario"/>: YamlDotNet
/// deserialises it into <see cref="ScenarioDto"/> (<see cref="ScenarioYaml"/>), then one pass here
/// checks the values and builds the scenario. Every problem is collected with the path of the
/// field, the value found and what was expected, and the file is refused as a whole before
/// anything runs.
/// </summary>
public sealed class ScenarioReader
{
    /// <summary>Ten years: a run's calendar, ledgers and time series grow with the horizon.</summary>
    // Bounds that keep a scenario's run finite in time and memory; each refusal names its limit.
    private const double MaxHorizonDays = Scenario.MaxHorizonDays;
    private const double MaxDay = 2 * MaxHorizonDays;
    private const double MaxRatePerUnitPerDay = 1_000;
    private const double MaxMultiplier = 100;
    private const double MaxChannelWeight = 1_000_000;
    private const double MaxDurationDays = MaxHorizonDays;
    private const double MaxExpectedCases = 50_000_000;

    private const string Probability = "a probability between 0 and 1";

    private readonly List<string> _problems;
    private readonly ISet<string> _unreadable;
    private readonly string _directory;

    private delegate bool ItemParser<T>(string text, out T value);

    private ScenarioReader(List<string> problems, ISet<string> unreadable, string directory)
    {
        _problems = problems;
        _unreadable = unreadable;
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
        var problems = new List<string>();
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        if (ScenarioYaml.Read(text, problems, unreadable) is not { } dto)
        {
            throw new ScenarioException(source, problems.Count > 0 ? problems : ["(root): empty — expected a mapping with at least city, arrivals, handling and resolution"]);
        }

        var scenario = new ScenarioReader(problems, unreadable, directory).Read(dto, source);
        return problems.Count == 0 ? scenario : throw new ScenarioException(source, problems);
    }

    /// <summary>A case type as scenarios write it (camelCase).</summary>
    public static string TypeName(CaseType type) => Camel(type.ToString());

    /// <summary>An intake channel as scenarios write it (camelCase).</summary>
    public static string ChannelName(IntakeChannel channel) => Camel(channel.ToString());

    internal static string TypeNames => string.Join(", ", Enum.GetValues<CaseType>().Select(TypeName));

    /// <summary>A name of <typeparamref name="T"/> in any case, never a number.</summary>
    internal static bool TryEnum<T>(string text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);

    private Scenario Read(ScenarioDto dto, string source)
    {
        var horizon = Number(dto.HorizonDays, "horizonDays", 90, 0, MaxHorizonDays, $"a number of days > 0 and at most {MaxHorizonDays} (ten years)", exclusiveMin: true);
        var warmUp = Number(dto.WarmUpDays, "warmUpDays", 0, 0, double.MaxValue, "a number of days ≥ 0");
        if (warmUp >= horizon && horizon > 0)
        {
            _problems.Add($"warmUpDays: {Format(warmUp)} — expected fewer days than horizonDays ({Format(horizon)})");
        }

        // The city is validated here, once for the whole run: replications take prefixed copies of the plan.
        var city = ReadCity(dto.City);
        CityPlan? plan = null;
        if (city is not null)
        {
            city = ApplyStaffing(city, dto.Staffing);
            city = city with { Policy = ReadPolicy(dto.Policy, city.Policy) };
            try
            {
                plan = CityPlan.From(city, city.Id);
            }
            catch (CityFileException e)
            {
                // The policy's own problems already say "policy.…": the scenario's section is where to fix them.
                _problems.AddRange(e.Problems.Select(p => p.StartsWith("policy.", StringComparison.Ordinal) ? p : $"city: {p}"));
            }
        }

        var unitsPerLevel = city is null ? [] : UnitsPerLevel(city);
        var levels = unitsPerLevel.Select(n => n > 0).ToArray();
        var arrivals = ReadArrivals(dto.Arrivals, levels);
        var (handling, handlingByType) = ByTypeAndLevel(dto.Handling, "handling", levels, Duration, "a duration");
        var (resolution, resolutionByType) = ByTypeAndLevel(dto.Resolution, "resolution", levels, (p, path) => (double?)Number(p, path, double.NaN, 0, 1, Probability), "a probability");
        if (city is not null && arrivals.Count > 0 && arrivals.Values.All(r => r.All(x => x == 0)))
        {
            _problems.Add("arrivals: every rate is 0 — expected at least one positive rate");
        }

        var (calendar, followUp, intake) = (dto.Calendar, dto.FollowUp, dto.Intake);
        var dayOfWeek = Weights(calendar?.DayOfWeek, "calendar.dayOfWeek", 7, $"7 multipliers ≥ 0 and at most {MaxMultiplier} (Monday … Sunday)") ?? [1, 1, 1, 1, 1, 1, 1];
        var monthly = Weights(calendar?.Monthly, "calendar.monthly", 12, $"12 multipliers ≥ 0 and at most {MaxMultiplier} (January … December)") ?? [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
        var surges = ReadSurges(calendar?.Surges, city is null ? null : UnitTree.Of(city));
        CheckExpectedCases(arrivals, unitsPerLevel, warmUp + horizon, dayOfWeek.Max() * monthly.Max() * surges.Select(s => s.Multiplier).Append(1).Max());
        return new Scenario
        {
            Name = dto.Name is { Length: > 0 } name ? name : Path.GetFileNameWithoutExtension(source),
            Seed = dto.Seed ?? 1,
            Replications = (int)Integer(dto.Replications, "replications", 1, 1, Scenario.MaxReplications, $"an integer ≥ 1 and at most {Scenario.MaxReplications}"),
            HorizonDays = horizon,
            WarmUpDays = warmUp,
            StartDate = ReadDate(dto.StartDate) ?? new DateOnly(2026, 3, 2),
            Arrivals = arrivals,
            DayOfWeek = dayOfWeek,
            Monthly = monthly,
            Surges = surges,
            Handling = handling,
            HandlingByType = handlingByType,
            Resolution = resolution,
            ResolutionByType = resolutionByType,
            SignDelay = Duration(dto.SignDelay, "signDelay") ?? DurationSpec.Zero,
            CloseDelay = Duration(dto.CloseDelay, "closeDelay") ?? DurationSpec.Zero,
            FollowUpShare = Number(followUp?.Share, "followUp.share", 1, 0, 1, Probability),
            FollowUpDelay = Duration(followUp?.Delay, "followUp.delay") ?? new DurationSpec(DurationKind.Fixed, 1),
            SatisfactionResolved = Weights(followUp?.Satisfaction?.Resolved, "followUp.satisfaction.resolved", 5, "5 weights ≥ 0 for satisfaction 1 … 5") ?? [0.01, 0.01, 0.03, 0.15, 0.80],
            SatisfactionReferred = Weights(followUp?.Satisfaction?.Referred, "followUp.satisfaction.referred", 5, "5 weights ≥ 0 for satisfaction 1 … 5") ?? [0.10, 0.15, 0.35, 0.25, 0.15],
            Channels = ReadChannels(dto.Channels),
            HighRiskShare = Number(intake?.HighRiskShare, "intake.highRiskShare", 0, 0, 1, Probability),
            LongStandingShare = Number(intake?.LongStandingShare, "intake.longStandingShare", 0, 0, 1, Probability),
            GroupShare = Number(intake?.GroupShare, "intake.groupShare", 0, 0, 1, Probability),
            LitigationShare = Number(intake?.LitigationShare, "intake.litigationShare", 0.5, 0, 1, Probability),

            // Last, after every other field has had its say: without a valid city the problems so far are the answer.
            City = plan ?? throw new ScenarioException(source, _problems),
        };
    }

    private CityDefinition? ReadCity(CityDto? city)
    {
        if (city is null)
        {
            Missing("city", "city: missing — expected { file: path/to/city.json } or { shape: sample | dezhou | {counties, townships, villages, grids, …} }");
            return null;
        }

        if ((city.File is null) == (city.Shape is null))
        {
            // Neither, unless one was there but unreadable (named already), or both.
            Missing(_unreadable.Contains("city.shape") ? "city.shape" : "city.file", "city: " + (city.File is null ? "neither file nor shape" : "both file and shape") + " — expected exactly one of them");
            return null;
        }

        try
        {
            if (city.File is { } file)
            {
                var path = Path.IsPathRooted(file) ? file : Path.GetFullPath(Path.Combine(_directory, file));
                if (!File.Exists(path))
                {
                    _problems.Add($"city.file: {file} — expected an existing city file (looked for {path})");
                    return null;
                }

                return CityFile.ParseFile(path);
            }

            return ReadShape(city.Shape!) is { } shape ? CityGenerator.Generate(shape) : null;
        }
        catch (CityFileException e)
        {
            _problems.AddRange(e.Problems.Select(p => $"city: {p}"));
            return null;
        }
    }

    private CityShape? ReadShape(CityShapeDto shape)
    {
        switch (shape.Named)
        {
            case "sample":
                return new CityShape();
            case "dezhou":
                return CityShape.Dezhou;
            case { } name:
                _problems.Add($"city.shape: {name} — expected sample, dezhou or a mapping of counts");
                return null;
        }

        var defaults = new CityShape();
        int Count(int? value, string key, int fallback) => (int)Integer(value, $"city.shape.{key}", fallback, 1, 1_000_000, "an integer ≥ 1");
        return new CityShape
        {
            Id = shape.Id ?? defaults.Id,
            Name = shape.Name ?? defaults.Name,
            Counties = Count(shape.Counties, "counties", defaults.Counties),
            Townships = Count(shape.Townships, "townships", defaults.Townships),
            Villages = Count(shape.Villages, "villages", defaults.Villages),
            Grids = Count(shape.Grids, "grids", defaults.Grids),
            VillageMediators = Count(shape.VillageMediators, "villageMediators", defaults.VillageMediators),
            TownshipMediators = Count(shape.TownshipMediators, "townshipMediators", defaults.TownshipMediators),
            CountyMediators = Count(shape.CountyMediators, "countyMediators", defaults.CountyMediators),
            CityMediators = Count(shape.CityMediators, "cityMediators", defaults.CityMediators),
            Seed = Count(shape.Seed, "seed", defaults.Seed),
        };
    }

    /// <summary>Replaces the mediator teams of whole levels or single centres by one generalist team of the given size.</summary>
    private CityDefinition ApplyStaffing(CityDefinition city, StaffingDto? staffing)
    {
        if (staffing is null)
        {
            return city;
        }

        var byLevel = ByLevel(staffing.Levels, "staffing", LevelNames.Key, [StaffingDto.CentresKey])
            .Select((count, level) => count is null ? null : (int?)Integer(count, $"staffing.{LevelNames.Key((Level)level)}", 1, 1, 100_000, "an integer ≥ 1"))
            .ToArray();
        var byCentre = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = city.Units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, count) in staffing.Centres ?? [])
        {
            if (!ids.Contains(id))
            {
                _problems.Add($"staffing.centres.{id}: {count} — expected the id of a unit of the city");
                continue;
            }

            byCentre[id] = (int)Integer(count, $"staffing.centres.{id}", 1, 1, 100_000, "an integer ≥ 1");
        }

        return city.Restaffed(unit => byCentre.TryGetValue(unit.Id, out var count) ? count : byLevel[(int)unit.Level]);
    }

    private GovernancePolicy ReadPolicy(PolicyDto? dto, GovernancePolicy policy)
    {
        if (dto is null)
        {
            return policy;
        }

        // The bounds of city files (GovernancePolicy.MaxDays): a unit's wake-up reaches any deadline in steps (UnitHandler.MaxWait).
        double Days(double? value, string key, double fallback) =>
            Number(value, $"policy.{key}", fallback, 0, GovernancePolicy.MaxDays, $"a number of days > 0 and at most {GovernancePolicy.MaxDays}", exclusiveMin: true);
        var grace = dto is { HasOverdueEscalationDays: true, OverdueEscalationDays: null }
            ? null
            : (double?)Number(dto.OverdueEscalationDays, "policy.overdueEscalationDays", policy.OverdueEscalationDays ?? 3, 0, GovernancePolicy.MaxDays, "a number of days ≥ 0, or null to never escalate overdue cases");
        var days = dto.DeadlineDays switch
        {
            null => policy.DeadlineDays,
            "calendar" => DeadlineDays.Calendar,
            "working" => DeadlineDays.Working,
            var other => Refused($"policy.deadlineDays: {other} — expected calendar or working", policy.DeadlineDays),
        };

        // deadlineDays: calendar drops a working calendar the city's policy names; a calendar file is relative to the scenario.
        var calendar = days == DeadlineDays.Calendar ? null : policy.WorkingCalendar;
        if (dto.WorkingCalendar is { } file)
        {
            var found = new List<string>();
            calendar = WorkingCalendarFile.Load(file, _directory, found);
            _problems.AddRange(found.Select(p => $"policy.workingCalendar: {p}"));
        }

        return policy with
        {
            SimpleDays = Days(dto.SimpleDays, "simpleDays", policy.SimpleDays),
            NormalDays = Days(dto.NormalDays, "normalDays", policy.NormalDays),
            ComplexDays = Days(dto.ComplexDays, "complexDays", policy.ComplexDays),
            HighRiskDays = Days(dto.HighRiskDays, "highRiskDays", policy.HighRiskDays),
            LongStandingDays = Days(dto.LongStandingDays, "longStandingDays", policy.LongStandingDays),
            SignWarningHours = Number(dto.SignWarningHours, "policy.signWarningHours", policy.SignWarningHours, 0, GovernancePolicy.MaxDays * 24, "a number of hours > 0", exclusiveMin: true),
            OverdueEscalationDays = grace,
            HighRiskRaiseTo = CentreLevel(dto.HighRiskRaiseTo, "policy.highRiskRaiseTo") ?? policy.HighRiskRaiseTo,
            ComplexAmountYuan = Integer(dto.ComplexAmountYuan, "policy.complexAmountYuan", policy.ComplexAmountYuan, 0, GovernancePolicy.MaxAmountYuan, $"an amount in yuan ≥ 0 and at most {GovernancePolicy.MaxAmountYuan}"),
            ComplexPartyCount = (int)Integer(dto.ComplexPartyCount, "policy.complexPartyCount", policy.ComplexPartyCount, 2, GovernancePolicy.MaxPartyCount, $"an integer ≥ 2 and at most {GovernancePolicy.MaxPartyCount}"),
            EarlyWarning = ReadEarlyWarning(dto.EarlyWarning, policy.EarlyWarning),
            DeadlineDays = days,
            WorkingCalendar = calendar,
        };
    }

    /// <summary>Overrides of the early-warning rule; its own checks (a baseline that fits the units' ledgers) run with the policy's in <see cref="CityPlan.From"/>.</summary>
    private EarlyWarningRule ReadEarlyWarning(EarlyWarningDto? dto, EarlyWarningRule rule)
    {
        if (dto is null)
        {
            return rule;
        }

        int Days(int? value, string key, int fallback, int min) =>
            (int)Integer(value, $"policy.earlyWarning.{key}", fallback, min, DailyLedger.RetainedDays, $"an integer ≥ {min} and at most {DailyLedger.RetainedDays}");
        return rule with
        {
            Alpha = Number(dto.Alpha, "policy.earlyWarning.alpha", rule.Alpha, 0, 1, "a probability > 0 and < 1", exclusiveMin: true),
            MaxWindowDays = Days(dto.MaxWindowDays, "maxWindowDays", rule.MaxWindowDays, 1),
            BaselineDays = Days(dto.BaselineDays, "baselineDays", rule.BaselineDays, 1),
            GuardDays = Days(dto.GuardDays, "guardDays", rule.GuardDays, 0),
            MinBaselineDays = Days(dto.MinBaselineDays, "minBaselineDays", rule.MinBaselineDays, 1),
            MinObserved = Days(dto.MinObserved, "minObserved", rule.MinObserved, 1),
            MinLevel = CentreLevel(dto.MinLevel, "policy.earlyWarning.minLevel") ?? rule.MinLevel,
        };
    }

    private Dictionary<CaseType, double[]> ReadArrivals(Dictionary<string, Dictionary<string, double?>?>? map, bool[] levels)
    {
        var arrivals = new Dictionary<CaseType, double[]>();
        if (map is null)
        {
            Missing("arrivals", $"arrivals: missing — expected a mapping from case type ({TypeNames}) to rates such as {{ ratePerGridPerDay: 0.02 }}");
            return arrivals;
        }

        foreach (var (path, type, rates) in ByType(map, "arrivals", allowDefault: false))
        {
            arrivals[(CaseType)type!] = [.. ByLevel(rates, path, RateKey).Select((rate, l) =>
            {
                var value = Number(rate, $"{path}.{RateKey((Level)l)}", 0, 0, MaxRatePerUnitPerDay, $"a number ≥ 0 and at most {MaxRatePerUnitPerDay} (cases a unit a day)");
                if (value > 0 && levels.Length > 0 && !levels[l])
                {
                    _problems.Add($"{path}.{RateKey((Level)l)}: {Format(value)} — expected 0: the city has no {LevelNames.Key((Level)l)} units");
                }

                return value;
            })];
        }

        return arrivals;
    }

    /// <summary>A section of <c>default</c> and case types, each with a value per level; the default must cover every level the city has.</summary>
    private (T?[] Default, Dictionary<CaseType, T?[]> ByType) ByTypeAndLevel<TIn, T>(Dictionary<string, Dictionary<string, TIn>?>? map, string name, bool[] levels, Func<TIn, string, T?> read, string what)
    {
        var byType = new Dictionary<CaseType, T?[]>();
        var defaults = new T?[LevelNames.All.Count];
        if (map is null)
        {
            Missing(name, $"{name}: missing — expected {{ default: {{ {string.Join(", ", LevelNames.All.Select(l => $"{LevelNames.Key(l)}: …"))} }} }} with {what} per level");
            return (defaults, byType);
        }

        foreach (var (path, type, perLevel) in ByType(map, name, allowDefault: true))
        {
            var values = ByLevel(perLevel, path, LevelNames.Key).Select((node, l) => node is null ? default : read(node, $"{path}.{LevelNames.Key((Level)l)}")).ToArray();
            if (type is not { } caseType)
            {
                defaults = values;
                foreach (var level in LevelNames.All.Where(l => (int)l < levels.Length && levels[(int)l] && perLevel.GetValueOrDefault(LevelNames.Key(l)) is null))
                {
                    Missing($"{path}.{LevelNames.Key(level)}", $"{path}.{LevelNames.Key(level)}: missing — expected {what}: the city has {LevelNames.Key(level)} units");
                }
            }
            else
            {
                byType[caseType] = values;
            }
        }

        if (!map.ContainsKey("default"))
        {
            Missing($"{name}.default", $"{name}.default: missing — expected {what} for every level the city has");
        }

        return (defaults, byType);
    }

    /// <summary>The entries of a section keyed by case type (and <c>default</c>, as a null type, where allowed), each unknown key named.</summary>
    private IEnumerable<(string Path, CaseType? Type, Dictionary<string, T> Value)> ByType<T>(Dictionary<string, Dictionary<string, T>?> map, string name, bool allowDefault)
    {
        foreach (var (key, value) in map)
        {
            var path = $"{name}.{key}";
            CaseType? type = TryEnum<CaseType>(key, out var parsed) ? parsed : null;
            if (type is null && !(allowDefault && key == "default"))
            {
                _problems.Add($"{path}: unknown case type — expected {(allowDefault ? "default or " : "")}one of {TypeNames}");
            }
            else if (value is not null)
            {
                yield return (path, type, value);
            }
        }
    }

    /// <summary>The values of a mapping keyed by level (as <paramref name="key"/> writes a level), indexed by level; every other key but <paramref name="others"/> named.</summary>
    private T?[] ByLevel<T>(Dictionary<string, T> map, string path, Func<Level, string> key, string[]? others = null)
    {
        var keys = LevelNames.All.Select(key).ToArray();
        foreach (var unknown in map.Keys.Where(k => !keys.Contains(k) && !(others ?? []).Contains(k)))
        {
            _problems.Add($"{path}.{unknown}: unknown field — expected one of {string.Join(", ", keys.Concat(others ?? []))}");
        }

        return [.. keys.Select(k => map.GetValueOrDefault(k))];
    }

    private List<Surge> ReadSurges(List<SurgeDto?>? list, UnitTree? tree)
    {
        var surges = new List<Surge>();
        foreach (var (surge, i) in (list ?? []).Select((s, i) => (s, i)).Where(s => s.s is not null))
        {
            var path = $"calendar.surges[{i}]";
            var from = Number(surge!.FromDay, $"{path}.fromDay", 0, 0, MaxDay, $"a day ≥ 0 and at most {MaxDay}");
            var to = Number(surge.ToDay, $"{path}.toDay", double.NaN, 0, MaxDay, $"a day after fromDay and at most {MaxDay}");
            if (to <= from && surge.ToDay <= MaxDay)
            {
                _problems.Add($"{path}.toDay: {Format(to)} — expected a day after fromDay ({Format(from)})");
            }

            var types = Items(surge.Types, $"{path}.types", (string text, out CaseType type) => TryEnum(text, out type), $"one of {TypeNames}");
            var units = Items(surge.Units, $"{path}.units", (string text, out string id) =>
            {
                id = text;
                return tree is null || tree.Contains(text);
            }, "the id of a unit of the city");
            if (surge.Units is { Count: 0 })
            {
                _problems.Add($"{path}.units: [] — expected at least one unit id (leave units out for the whole city)");
            }

            surges.Add(new Surge(from, to, Number(surge.Multiplier, $"{path}.multiplier", double.NaN, 0, MaxMultiplier, $"a multiplier ≥ 0 and at most {MaxMultiplier}"), types, units));
        }

        return surges;
    }

    /// <summary>An optional list; null when absent, every bad item named with its index.</summary>
    private HashSet<T>? Items<T>(List<string>? texts, string path, ItemParser<T> parse, string expected)
    {
        if (texts is null)
        {
            return null;
        }

        var items = new HashSet<T>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i] is { } text && parse(text, out var value))
            {
                items.Add(value);
            }
            else
            {
                Missing($"{path}[{i}]", $"{path}[{i}]: {texts[i] ?? "(empty)"} — expected {expected}");
            }
        }

        return items;
    }

    private Dictionary<IntakeChannel, double> ReadChannels(Dictionary<string, double?>? map)
    {
        if (map is null)
        {
            return new() { [IntakeChannel.GridPatrol] = 1 };
        }

        var channels = new Dictionary<IntakeChannel, double>();
        foreach (var (key, weight) in map)
        {
            if (!TryEnum<IntakeChannel>(key, out var channel))
            {
                _problems.Add($"channels.{key}: unknown channel — expected one of {string.Join(", ", Enum.GetValues<IntakeChannel>().Select(ChannelName))}");
                continue;
            }

            channels[channel] = Number(weight, $"channels.{key}", 0, 0, MaxChannelWeight, $"a weight ≥ 0 and at most {MaxChannelWeight}");
        }

        if (channels.Count > 0 && channels.Values.Sum() <= 0)
        {
            _problems.Add("channels: all weights are 0 — expected at least one positive weight");
        }

        return channels;
    }

    private DurationSpec? Duration(DurationDto? dto, string path)
    {
        if (dto is null)
        {
            return null;
        }

        DurationKind? kind = dto.Distribution switch
        {
            "exponential" => DurationKind.Exponential,
            "lognormal" => DurationKind.LogNormal,
            "fixed" => DurationKind.Fixed,
            _ => null,
        };
        if (kind is null)
        {
            Missing($"{path}.distribution", $"{path}.distribution: {dto.Distribution ?? "(missing)"} — expected exponential, lognormal or fixed");
            return null;
        }

        var mean = Number(dto.MeanDays, $"{path}.meanDays", double.NaN, 0, MaxDurationDays, $"a number of days {(kind == DurationKind.Fixed ? "≥" : ">")} 0 and at most {MaxDurationDays}", exclusiveMin: kind != DurationKind.Fixed);
        var sd = kind == DurationKind.LogNormal
            ? Number(dto.SdDays, $"{path}.sdDays", double.NaN, 0, MaxDurationDays, $"a standard deviation in days > 0 and at most {MaxDurationDays}", exclusiveMin: true)
            : 0;
        if (kind != DurationKind.LogNormal && dto.SdDays is { } extra)
        {
            _problems.Add($"{path}.sdDays: {Format(extra)} — expected no sdDays: only a lognormal has one");
        }

        return new DurationSpec(kind.Value, mean, sd);
    }

    private double[]? Weights(List<double>? values, string path, int count, string expected)
    {
        if (values is null)
        {
            return null;
        }

        if (values.Count != count || values.Any(v => !(v >= 0 && v <= MaxMultiplier)) || values.Sum() <= 0)
        {
            _problems.Add($"{path}: [{string.Join(", ", values.Select(Format))}] — expected {expected}, not all 0");
            return null;
        }

        return [.. values];
    }

    /// <summary>The value, or <paramref name="fallback"/> when absent (NaN: required) or out of range.</summary>
    private double Number(double? value, string path, double fallback, double min, double max, string expected, bool exclusiveMin = false)
    {
        if (value is not { } number)
        {
            if (double.IsNaN(fallback))
            {
                Missing(path, $"{path}: missing — expected {expected}");
            }

            return fallback;
        }

        return (exclusiveMin ? number > min : number >= min) && number <= max && !double.IsInfinity(number)
            ? number
            : Refused($"{path}: {Format(number)} — expected {expected}", double.IsNaN(fallback) ? 0 : fallback);
    }

    private long Integer(long? value, string path, long fallback, long min, long max, string expected) =>
        value is not { } number || (number >= min && number <= max) ? value ?? fallback : Refused($"{path}: {number} — expected {expected}", fallback);

    private DateOnly? ReadDate(string? text) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : Refused<DateOnly?>($"startDate: {text} — expected a date such as 2026-03-02", null);

    /// <summary>A level that has a centre (not a grid), by its key.</summary>
    private Level? CentreLevel(string? text, string path) =>
        text is null ? null
        : LevelNames.TryParse(text, out var level) && level != Level.Grid ? level
        : Refused<Level?>($"{path}: {text} — expected {LevelNames.Listed(LevelNames.All.Where(l => l != Level.Grid))}", null);

    /// <summary>Adds <paramref name="problem"/> unless the value at <paramref name="path"/> is there but of the wrong kind, which is named already.</summary>
    private void Missing(string path, string problem)
    {
        if (!_unreadable.Contains(path))
        {
            _problems.Add(problem);
        }
    }

    private T Refused<T>(string problem, T fallback)
    {
        _problems.Add(problem);
        return fallback;
    }

    private static int[] UnitsPerLevel(CityDefinition city)
    {
        var count = new int[LevelNames.All.Count];
        foreach (var unit in city.Units)
        {
            count[(int)unit.Level]++;
        }

        return count;
    }

    /// <summary>
    /// Every case of a run is simulated, and an open one stays in memory: refuses rates that
    /// would bring more than <see cref="MaxExpectedCases"/> in one replication at the busiest
    /// multipliers, naming what the scenario asks for.
    /// </summary>
    private void CheckExpectedCases(Dictionary<CaseType, double[]> arrivals, int[] unitsPerLevel, double days, double busiest)
    {
        var perDay = arrivals.Values.Sum(rates => rates.Select((rate, level) => rate * unitsPerLevel.ElementAtOrDefault(level)).Sum());
        var expected = perDay * days * busiest;
        if (expected > MaxExpectedCases)
        {
            _problems.Add($"arrivals: up to {expected:N0} cases a replication ({perDay:N0} a day over {Format(days)} days, times {Format(busiest)} at the busiest calendar and surge multipliers) — expected at most {MaxExpectedCases:N0}: lower the rates, the days or the multipliers");
        }
    }

    private static string RateKey(Level level)
    {
        var key = LevelNames.Key(level);
        return $"ratePer{char.ToUpperInvariant(key[0])}{key[1..]}PerDay";
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
