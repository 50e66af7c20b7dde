using System.Globalization;
using System.Text;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Figures;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Simulation.Hosts;
using Orleans.Governance.Simulation.Model;
using Orleans.Governance.Simulation.Scenarios;
using Orleans.Governance.Simulation.Statistics;

namespace Orleans.Governance.Simulation.Checks;

/// <summary>
/// The whole-run invariants, each read from a <see cref="RunObservation"/>: null when it holds,
/// otherwise the offending figures (and the audit trails of up to three offending cases).
/// "Active" means held by a unit and not yet resolved or referred (triaged, assigned, accepted,
/// in mediation, failed); "open" in a unit's figures also counts resolved and referred cases not yet closed.
/// </summary>
public static class RunInvariants
{
    private const int TrailsShown = 3;

    private const int ProblemsShown = 8;

    /// <summary>
    /// Per level L, over the units of L (their own figures): admitted = resolved here + referred + escalated out + active,
    /// admitted = registrations at L + escalations to L (the case files' trails: a high-risk raise may skip levels), and each agrees with the engine's count;
    /// in total: created = resolved + referred + active cases, in the units' sum, the city's figures and the case files.
    /// </summary>
    public static string? Conservation(RunObservation o)
    {
        var problems = new List<string>();
        var arrivals = o.Cases.Values.SelectMany(f => f.Trail).Where(e => e.Action is CaseAction.Register or CaseAction.Escalate).ToList();
        foreach (var level in Enum.GetValues<Level>())
        {
            var units = o.Own.Values.Where(f => f.Level == level).ToList();
            if (units.Count == 0)
            {
                continue;
            }

            var name = LevelNames.Key(level);
            var (admitted, resolved, referred, up, active) = (units.Sum(u => u.Admitted), units.Sum(u => u.ResolvedHere), units.Sum(u => u.ReferredOut), units.Sum(u => u.EscalatedOut), units.Sum(Active));
            if (admitted != resolved + referred + up + active)
            {
                problems.Add($"{name}: admitted {admitted} ≠ resolved {resolved} + referred {referred} + escalated out {up} + active {active}");
            }

            var (registered, escalatedIn) = (arrivals.LongCount(e => e.Level == level && e.Action == CaseAction.Register), arrivals.LongCount(e => e.Level == level && e.Action == CaseAction.Escalate));
            if (admitted != registered + escalatedIn)
            {
                problems.Add($"{name}: admitted {admitted} ≠ registered here {registered} + escalated here {escalatedIn} (case files)");
            }

            var counted = o.Run.Figures.Levels[level];
            foreach (var (figure, value, engine) in new[] { (nameof(counted.Admitted), admitted, counted.Admitted), (nameof(counted.Resolved), resolved, counted.Resolved), (nameof(counted.Referred), referred, counted.Referred), (nameof(counted.EscalatedOut), up, counted.EscalatedOut) })
            {
                if (engine != value)
                {
                    problems.Add($"{name}: the units count {FigureTable.JsonName(figure)} {value}, the engine {engine}");
                }
            }
        }

        var created = (long)o.Run.Cases.Count;
        var (escalatedOut, escalations) = (o.Own.Values.Sum(u => u.EscalatedOut), arrivals.LongCount(e => e.Action == CaseAction.Escalate));
        if (escalatedOut != escalations)
        {
            problems.Add($"total: the units let {escalatedOut} cases out upwards, the case files record {escalations} escalations");
        }

        var (totalResolved, totalReferred) = (o.Own.Values.Sum(u => u.ResolvedHere), o.Own.Values.Sum(u => u.ReferredOut));
        var activeFiles = o.Cases.Values.LongCount(f => f.IsActive);
        var activeUnits = o.Own.Values.Sum(Active);
        if (created != totalResolved + totalReferred + activeFiles || activeUnits != activeFiles)
        {
            problems.Add($"total: created {created} ≠ resolved {totalResolved} + referred {totalReferred} + active {activeFiles} (case files; the units hold {activeUnits} active)");
        }

        var city = o.City;
        if (city.ResolvedHere != totalResolved || city.ReferredOut != totalReferred || Active(city) != activeFiles || city.Admitted - city.EscalatedOut != created)
        {
            problems.Add($"city figures: resolved {city.ResolvedHere}, referred {city.ReferredOut}, active {Active(city)}, admitted − escalated out {city.Admitted - city.EscalatedOut}; expected {totalResolved}, {totalReferred}, {activeFiles}, {created}");
        }

        var totals = o.Run.Figures.Totals;
        foreach (var (figure, value, engine) in new[] { (nameof(totals.CasesCreated), created, totals.CasesCreated), (nameof(totals.CasesResolved), totalResolved, totals.CasesResolved), (nameof(totals.CasesReferred), totalReferred, totals.CasesReferred) })
        {
            if (engine != value)
            {
                problems.Add($"total: the units count {FigureTable.JsonName(figure)} {value}, the engine {engine}");
            }
        }

        return Report(problems);
    }

    /// <summary>
    /// Jepsen's set check: every case id the run registered is unique, found in its case grain
    /// registered exactly once under that id, and the units took in exactly that many cases.
    /// </summary>
    public static string? AcknowledgedSet(RunObservation o)
    {
        var problems = new List<string>();
        var ids = o.Run.Cases.Select(c => c.Id).ToList();
        var duplicated = ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicated.Count > 0)
        {
            problems.Add($"registered twice by the run: {string.Join(", ", duplicated.Take(10))}");
        }

        var lost = ids.Distinct(StringComparer.Ordinal).Where(id => o.Cases[id].Status == CaseStatus.New || o.Cases[id].CaseId != id).ToList();
        if (lost.Count > 0)
        {
            problems.Add($"lost ({lost.Count} of {ids.Count}): no registered case grain for {string.Join(", ", lost.Take(10))}");
        }

        var twice = o.Cases.Values.Where(f => f.Status != CaseStatus.New && f.Trail.Count(e => e.Action == CaseAction.Register) != 1).ToList();
        if (twice.Count > 0)
        {
            problems.Add($"registration entries ≠ 1 in {twice.Count} case file(s): {string.Join(", ", twice.Take(10).Select(f => f.CaseId))}");
        }

        var takenIn = o.City.Admitted - o.City.EscalatedOut;
        if (takenIn != ids.Count)
        {
            problems.Add($"the units took in {takenIn} distinct cases (city admitted {o.City.Admitted} − escalated out {o.City.EscalatedOut}), the run registered {ids.Count}");
        }

        return Report(problems, lost.Concat(twice.Select(f => f.CaseId)).Select(id => o.Cases[id]), o);
    }

    /// <summary>
    /// No case in two desks: every unit's open cases, by status, are exactly the case files not
    /// yet closed that name that unit, and the engine places each of them at the same unit.
    /// </summary>
    public static string? SingleDesk(RunObservation o)
    {
        var problems = new List<string>();
        var held = o.Cases.Values.Where(f => f.Status is not (CaseStatus.New or CaseStatus.Closed or CaseStatus.FollowedUp)).ToList();
        var expected = held.GroupBy(f => f.UnitId ?? "(none)", StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var offending = new List<CaseFile>();
        foreach (var unit in o.Own.Values)
        {
            var files = expected.GetValueOrDefault(unit.UnitId) ?? [];
            var fromFiles = Describe(files.GroupBy(f => f.Status).ToDictionary(g => g.Key, g => (long)g.Count()));
            var fromDesk = Describe(unit.OpenByStatus);
            if (fromFiles != fromDesk)
            {
                problems.Add($"{unit.UnitId}: the desk holds {fromDesk}, the case files there say {fromFiles}");
                offending.AddRange(files);
            }
        }

        foreach (var unitId in expected.Keys.Where(id => !o.Own.ContainsKey(id)))
        {
            problems.Add($"{expected[unitId].Count} case(s) not closed name unit '{unitId}', which is no unit of the city");
            offending.AddRange(expected[unitId]);
        }

        var open = o.Own.Values.Sum(u => u.Open);
        if (open != held.Count)
        {
            problems.Add($"the desks hold {open} open cases, {held.Count} case files are not closed");
        }

        var tracks = o.Run.Cases.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var misplaced = held.Where(f => tracks.TryGetValue(f.CaseId, out var t) && t.Unit?.Id != f.UnitId).ToList();
        if (misplaced.Count > 0)
        {
            problems.Add($"the engine places {misplaced.Count} case(s) elsewhere: {string.Join(", ", misplaced.Take(5).Select(f => $"{f.CaseId} at {tracks[f.CaseId].Unit?.Id} (file: {f.UnitId})"))}");
            offending.AddRange(misplaced);
        }

        return Report(problems, offending, o);
    }

    /// <summary>Every centre's roll-up, and the city's figures, equal its own figures plus the own figures of every unit below it.</summary>
    public static string? RollUp(RunObservation o)
    {
        var problems = new List<string>();
        var byId = o.Plan.Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        IEnumerable<string> Subtree(string id) => byId[id].Children.SelectMany(c => Subtree(c.Id)).Prepend(id);
        foreach (var (centre, rollup) in o.Rollups)
        {
            if (Difference(Sum([rollup]), Sum(Subtree(centre).Select(id => o.Own[id]))) is { } difference)
            {
                problems.Add($"{centre}: roll-up vs own + units below: {difference}");
            }
        }

        if (Difference(Sum([o.City]), Sum(o.Own.Values)) is { } city)
        {
            problems.Add($"city figures vs sum of all units: {city}");
        }

        return Report(problems);
    }

    /// <summary>
    /// Little's law per level over the run: the time-average number of cases queued or with a mediator (L) equals the
    /// admissions per day (λ) times the mean time each case spent there (W, measured case by case, cut at the horizon).
    /// </summary>
    public static string? LittlesLaw(RunObservation o)
    {
        var problems = new List<string>();
        foreach (var level in Enum.GetValues<Level>())
        {
            var name = LevelNames.Key(level);
            if (!o.Run.Figures.Levels.TryGetValue(level, out var figures))
            {
                continue;
            }

            var l = figures.MeanQueueLength + figures.MeanBusyMediators;
            var lambda = figures.ArrivalRatePerDay;
            var admitted = figures.Admitted;
            var w = admitted == 0 ? 0 : o.Run.SojournDays[(int)level] / admitted;
            if (Math.Abs(l - lambda * w) > 1e-6 * Math.Max(1, l))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: L = {l:0.######} but λW = {lambda:0.######}/day × {w:0.######} days = {lambda * w:0.######}"));
            }
        }

        return Report(problems);
    }

    /// <summary>Runs the same variation again on a fresh silo: the JSON must be byte-identical.</summary>
    public static string? SameJson(RunObservation first, RunObservation again)
    {
        if (first.Json == again.Json)
        {
            return null;
        }

        var a = first.Json.Split('\n');
        var b = again.Json.Split('\n');
        var line = Enumerable.Range(0, Math.Min(a.Length, b.Length)).FirstOrDefault(i => a[i] != b[i], Math.Min(a.Length, b.Length));
        var figure = a.Take(Math.Min(line + 1, a.Length)).LastOrDefault(l => l.TrimEnd().EndsWith('{') && l.Contains('"'))?.Trim() ?? "(top)";
        return $"the JSON differs from line {line + 1}, in {figure}\n  first: {(line < a.Length ? a[line].Trim() : "(end)")}\n  again: {(line < b.Length ? b[line].Trim() : "(end)")}";
    }

    /// <summary>
    /// The kernel host and the grain host gave the same run: byte-identical JSON, the same trail for
    /// every case, the same desk (queue and assigned cases) and own figures at every unit. A
    /// divergence is reported at its first event: the earliest trail entry where the hosts differ.
    /// </summary>
    public static string? SameOnBothHosts(RunObservation one, RunObservation other)
    {
        var (kernel, grains) = one.Host == HostKind.Kernel ? (one, other) : (other, one);
        var events = new List<(DateTimeOffset At, string What)>();
        foreach (var id in kernel.Cases.Keys.Union(grains.Cases.Keys).Order(StringComparer.Ordinal))
        {
            var a = kernel.Cases.TryGetValue(id, out var k) ? k.Trail : [];
            var b = grains.Cases.TryGetValue(id, out var g) ? g.Trail : [];
            var i = 0;
            while (i < a.Count && i < b.Count && Render(a[i]) == Render(b[i]))
            {
                i++;
            }

            if (i < a.Count || i < b.Count)
            {
                var at = i < a.Count && i < b.Count ? (a[i].At < b[i].At ? a[i].At : b[i].At) : i < a.Count ? a[i].At : b[i].At;
                events.Add((at, $"case {id}, trail entry {i + 1}\n    kernel: {(i < a.Count ? Render(a[i]) : "(none)")}\n    grains: {(i < b.Count ? Render(b[i]) : "(none)")}"));
            }
        }

        var problems = new List<string>();
        foreach (var unit in kernel.Desks.Keys.Order(StringComparer.Ordinal))
        {
            var (a, b) = (kernel.Desks[unit], grains.Desks[unit]);
            var i = 0;
            while (i < a.Count && i < b.Count && a[i] == b[i])
            {
                i++;
            }

            if (i < a.Count || i < b.Count)
            {
                // A desk entry differs from the admission on: that is the event it goes back to.
                var at = i < a.Count && i < b.Count ? (a[i].AdmittedAt < b[i].AdmittedAt ? a[i].AdmittedAt : b[i].AdmittedAt) : i < a.Count ? a[i].AdmittedAt : b[i].AdmittedAt;
                events.Add((at, $"unit {unit}'s desk, entry {i + 1} (admitted then)\n    kernel: {(i < a.Count ? a[i] : "(none)")}\n    grains: {(i < b.Count ? b[i] : "(none)")}"));
            }

            if (!Sum([kernel.Own[unit]]).SequenceEqual(Sum([grains.Own[unit]])))
            {
                problems.Add($"unit {unit}: its own figures differ");
            }
        }

        if (events.Count > 0)
        {
            var (at, what) = events.MinBy(e => e.At);
            problems.Insert(0, $"first divergence at {at:O} ({events.Count} case trail(s) or desk(s) differ): {what}");
        }

        if (SameJson(kernel, grains) is { } json)
        {
            problems.Add(json.Replace("first:", "kernel:", StringComparison.Ordinal).Replace("again:", "grains:", StringComparison.Ordinal));
        }

        return problems.Count == 0 ? null : string.Join("\n", problems.Take(ProblemsShown));
    }

    /// <summary>One trail entry, every field spelled out (the joint departments too).</summary>
    private static string Render(AuditEntry e) =>
        $"{e.At:O} {e.Action} by {e.Actor} at {e.UnitId} ({e.Level}) reason={e.Reason} grade={e.Grade} department={e.Department} mediator={e.MediatorId} "
        + $"escalation={e.Escalation} referral={e.Referral} confirmed={e.JudicialConfirmation} satisfaction={e.Satisfaction} joint={string.Join('+', e.JointDepartments ?? [])}";

    private static long Active(UnitFigures figures) =>
        figures.Open - figures.OpenByStatus.GetValueOrDefault(CaseStatus.Resolved) - figures.OpenByStatus.GetValueOrDefault(CaseStatus.Referred);

    private static string Describe(IReadOnlyDictionary<CaseStatus, long> byStatus)
    {
        var parts = byStatus.Where(p => p.Value != 0).OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}").ToList();
        return parts.Count == 0 ? "nothing" : string.Join(", ", parts);
    }

    /// <summary>The additive figures of a set of units, by name.</summary>
    private static List<(string Name, string Value)> Sum(IEnumerable<UnitFigures> figures)
    {
        var list = figures.ToList();
        var open = new Dictionary<CaseStatus, long>();
        foreach (var (status, count) in list.SelectMany(f => f.OpenByStatus))
        {
            open[status] = open.GetValueOrDefault(status) + count;
        }

        return
        [
            ("units", $"{list.Sum(f => f.Units)}"), ("admitted", $"{list.Sum(f => f.Admitted)}"), ("resolved", $"{list.Sum(f => f.ResolvedHere)}"),
            ("escalated out", $"{list.Sum(f => f.EscalatedOut)}"), ("referred", $"{list.Sum(f => f.ReferredOut)}"), ("closed", $"{list.Sum(f => f.ClosedHere)}"),
            ("unsigned warnings", $"{list.Sum(f => f.UnsignedWarnings)}"), ("overdue", $"{list.Sum(f => f.Overdue)}"),
            ("satisfaction", $"{list.Sum(f => f.SatisfactionSum)}/{list.Sum(f => f.SatisfactionCount)}"), ("closures timed", $"{list.Sum(f => f.TimeToClose.Count)}"),
            ("signatures timed", $"{list.Sum(f => f.WaitBeforeAcceptance.Count)}"), ("open", Describe(open)),
        ];
    }

    /// <summary>The figures that differ, as "name actual ≠ expected", or null when all agree.</summary>
    private static string? Difference(List<(string Name, string Value)> actual, List<(string Name, string Value)> expected)
    {
        var differences = actual.Zip(expected).Where(p => p.First.Value != p.Second.Value).Select(p => $"{p.First.Name} {p.First.Value} ≠ {p.Second.Value}").ToList();
        return differences.Count == 0 ? null : string.Join("; ", differences);
    }

    private static string? Report(List<string> problems, IEnumerable<CaseFile>? cases = null, RunObservation? o = null)
    {
        if (problems.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder(string.Join("\n", problems.Take(ProblemsShown)));
        if (problems.Count > ProblemsShown)
        {
            text.Append($"\n… and {problems.Count - ProblemsShown} more");
        }

        foreach (var file in (cases ?? []).DistinctBy(f => f.CaseId).Take(TrailsShown))
        {
            text.Append('\n').Append(Trail(file, o!));
        }

        return text.ToString();
    }

    /// <summary>A case's audit trail (the event and command sequence it went through), in days since the start; no personal data.</summary>
    private static string Trail(CaseFile file, RunObservation o)
    {
        var epoch = new DateTimeOffset(o.Scenario.StartDate.ToDateTime(TimeOnly.MinValue), CentreDays.Offset);
        var track = o.Run.Cases.FirstOrDefault(c => c.Id == file.CaseId);
        var engine = track is null ? "" : $"; engine: at {track.Unit?.Id ?? "—"}, {(track.Closed ? "closed" : track.Queued ? "queued" : track.Mediator is { } m ? $"with {m}" : "no mediator")}";
        var steps = file.Trail.Select(e => string.Create(CultureInfo.InvariantCulture, $"day {(e.At - epoch).TotalDays:0.###} {e.Action} at {e.UnitId} by {e.Actor}{(e.MediatorId is { } m ? $" → {m}" : "")}"));
        return $"case {file.CaseId} ({file.Status} at {file.UnitId ?? "—"}{engine}):\n    " + (file.Trail.Count == 0 ? "(no trail: never registered)" : string.Join("\n    ", steps));
    }
}
