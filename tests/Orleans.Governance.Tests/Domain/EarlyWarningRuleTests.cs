using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.Jurisdiction;
using Orleans.Governance.Domain.Warnings;

namespace Orleans.Governance.Tests.Domain;

/// <summary>The early-warning rule on synthetic series: it catches a step, stays quiet on a stationary series at the rate it states.</summary>
public sealed class EarlyWarningRuleTests
{
    private static readonly UnitRef s_county = new("c-01", Level.County);
    private static readonly DateOnly s_day0 = new(2026, 3, 1);

    [Theory]
    [InlineData(4.0, 5.0)]
    [InlineData(8.0, 3.0)]
    [InlineData(25.0, 2.0)]
    public void A_step_in_one_type_is_warned_within_two_days_with_its_window_and_counts(double rate, double step)
    {
        var rule = new EarlyWarningRule();
        var caught = 0;
        for (var seed = 0; seed < 50; seed++)
        {
            var random = new Random(seed);
            var series = Series(random, days: 70, (CaseType.Labour, d => d < 60 ? rate : rate * step), (CaseType.Neighbour, _ => rate));
            var quietBefore = Enumerable.Range(40, 20).All(d => rule.Evaluate(s_county, series, s_day0.AddDays(d)).Count == 0);
            var warning = Enumerable.Range(60, 2).Select(d => rule.Evaluate(s_county, series, s_day0.AddDays(d))).FirstOrDefault(w => w.Count > 0)?.Single();
            if (quietBefore && warning is not null)
            {
                caught++;
                Assert.Equal(CaseType.Labour, warning.Type);
                Assert.Equal(s_county.Id, warning.UnitId);
                Assert.Equal(series.ArrivalsOf(CaseType.Labour, warning.WindowFrom, warning.WindowTo), warning.Observed);
                Assert.InRange(warning.Expected, 0.5 * rate * Days(warning), 1.5 * rate * Days(warning));
                Assert.True(warning.PValue <= rule.Alpha);
                Assert.True(warning.Since >= s_day0.AddDays(60), $"raised on {warning.Since}, before the step");
            }
        }

        // Power of the stated rule at these rates (docs/early-warning.md gives the figures).
        Assert.True(caught >= 45, $"caught {caught} of 50 steps of ×{step} at {rate}/day within two days");
    }

    [Fact]
    public void A_stationary_series_stays_quiet_at_the_stated_rate()
    {
        // At a large alpha the rate is observable: each of the 1..3-day windows may break it with
        // chance at most alpha, on the day or the day before, so a unit-type-day warns with chance
        // at most 6 alpha.
        var rule = new EarlyWarningRule { Alpha = 1e-3 };
        var (warned, tested) = (0, 0);
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var series = Series(random, days: 150, (CaseType.Neighbour, _ => 6.0), (CaseType.Labour, _ => 1.5), (CaseType.Legal, _ => 30.0));
            for (var d = 40; d < 150; d++)
            {
                warned += rule.Evaluate(s_county, series, s_day0.AddDays(d)).Count;
                tested += 3;
            }
        }

        var rate = (double)warned / tested;
        Assert.True(rate <= 6 * rule.Alpha * 1.25, $"{warned} warnings in {tested} unit-type-days: {rate:E2} per day, above 6 × alpha");
        Assert.True(warned > 0, "the test has no power to see the rate at all");
    }

    [Fact]
    public void The_default_rule_is_silent_on_a_year_of_a_stationary_county()
    {
        var rule = new EarlyWarningRule();
        var warned = 0;
        for (var seed = 0; seed < 20; seed++)
        {
            var series = Series(new Random(seed), days: 400, [.. Enum.GetValues<CaseType>().Select(t => (t, (Func<int, double>)(_ => 0.5 + (int)t)))]);
            warned += Enumerable.Range(40, 360).Sum(d => rule.Evaluate(s_county, series, s_day0.AddDays(d)).Count);
        }

        // 20 × 360 days × 13 types × 3 windows, on the day or the day before, at alpha 1e-5: 5.6 expected at most.
        Assert.True(warned <= 12, $"{warned} false warnings");
    }

    [Fact]
    public void Nothing_is_raised_before_the_unit_has_a_baseline()
    {
        var rule = new EarlyWarningRule();
        // On day 22 the baseline (the days up to 10 days before) has 13 days of history, one short.
        var series = Series(new Random(1), days: 30, (CaseType.Labour, d => d < 22 ? 1 : 40));

        Assert.Empty(rule.Evaluate(s_county, series, s_day0.AddDays(22)));
        Assert.NotEmpty(rule.Evaluate(s_county, series, s_day0.AddDays(23)));
        Assert.Equal(s_day0.AddDays(23), rule.FirstDayTested(s_day0));
    }

    [Fact]
    public void A_spike_raised_on_a_quiet_series_names_when_it_started()
    {
        var days = Enumerable.Range(0, 60).Select(d => Day(d, CaseType.Neighbour, d >= 55 ? 12 : 2)).ToList();
        var series = new ActivitySeries(s_day0, days);

        var warning = Assert.Single(new EarlyWarningRule().Evaluate(s_county, series, s_day0.AddDays(58)));

        Assert.Equal(s_day0.AddDays(55), warning.Since);
        Assert.Equal(CaseType.Neighbour, warning.Type);
        Assert.Equal(s_day0.AddDays(56), warning.WindowFrom);
        Assert.Equal(36, warning.Observed);
        Assert.Equal(6.0, warning.Expected, 9);
    }

    [Fact]
    public void A_one_day_spike_still_shows_the_morning_after_and_is_gone_the_day_after_that()
    {
        var days = Enumerable.Range(0, 58).Select(d => Day(d, CaseType.Labour, d == 55 ? 12 : d >= 56 ? 0 : 2)).ToList();
        var series = new ActivitySeries(s_day0, days);
        var rule = new EarlyWarningRule();

        var onTheDay = Assert.Single(rule.Evaluate(s_county, series, s_day0.AddDays(55)));
        var morningAfter = Assert.Single(rule.Evaluate(s_county, series, s_day0.AddDays(56)));

        Assert.Equal(onTheDay, morningAfter);
        Assert.Equal((s_day0.AddDays(55), s_day0.AddDays(55), 12), (morningAfter.WindowFrom, morningAfter.WindowTo, morningAfter.Observed));
        Assert.Empty(rule.Evaluate(s_county, series, s_day0.AddDays(57)));
    }

    [Theory]
    [InlineData(5, 20, 0.1)]
    [InlineData(1, 3, 0.5)]
    [InlineData(30, 170, 2.0 / 30)]
    public void The_upper_tail_is_the_binomial_sum(int k, int n, double p)
    {
        var sum = Enumerable.Range(k, n - k + 1).Sum(i => Choose(n, i) * Math.Pow(p, i) * Math.Pow(1 - p, n - i));

        Assert.Equal(sum, EarlyWarningRule.UpperTail(k, n, p), 1e-12);
    }

    [Fact]
    public void The_ledger_keeps_its_last_days_and_puts_a_late_record_in_its_place()
    {
        var ledger = new DailyLedger();
        for (var d = 0; d < 100; d++)
        {
            ledger.RecordArrival(s_day0.AddDays(d), CaseType.Labour);
        }

        ledger.RecordArrival(s_day0.AddDays(98), CaseType.Legal);
        ledger.RecordResolution(s_day0.AddDays(99));
        var series = ledger.Series(Level.Township);

        Assert.Equal(s_day0, series.Since);
        Assert.Equal(DailyLedger.RetainedDays, series.Days.Count);
        Assert.Equal(s_day0.AddDays(100 - DailyLedger.RetainedDays), series.Days[0].Day);
        Assert.Equal(1, series.Days[^2].ArrivalsOf(CaseType.Legal));
        Assert.Equal(1, series.Days[^1].ResolvedAt(Level.Township));
        Assert.Equal(0, series.Days[^1].ResolvedAt(Level.Village));
    }

    [Fact]
    public void A_series_sum_adds_day_by_day_and_knows_the_subtree_from_its_earliest_unit()
    {
        var a = new ActivitySeries(s_day0.AddDays(3), [Day(3, CaseType.Labour, 2), Day(5, CaseType.Labour, 1)]);
        var b = new ActivitySeries(s_day0, [Day(0, CaseType.Legal, 1), Day(5, CaseType.Labour, 4)]);

        var sum = a.Plus([b, ActivitySeries.Empty]);

        Assert.Equal(s_day0, sum.Since);
        Assert.Equal([0, 3, 5], sum.Days.Select(d => d.Day.DayNumber - s_day0.DayNumber));
        Assert.Equal(5, sum.Days[^1].ArrivalsOf(CaseType.Labour));
        Assert.Equal(7, sum.ArrivalsOf(CaseType.Labour, s_day0, s_day0.AddDays(9)));
        Assert.Equal(2, a.ArrivalsOf(CaseType.Labour, s_day0, s_day0.AddDays(9)) - 1);
    }

    [Fact]
    public void A_rule_that_reads_more_history_than_a_unit_keeps_is_refused()
    {
        Assert.Empty(new EarlyWarningRule().Validate());
        Assert.Contains(new EarlyWarningRule { BaselineDays = 60 }.Validate(), p => p.Contains("more than the 70"));
        Assert.Contains(new EarlyWarningRule { Alpha = 0 }.Validate(), p => p.Contains("alpha"));
        Assert.Contains(new GovernancePolicy { EarlyWarning = new() { MinBaselineDays = 30 } }.Validate(), p => p.StartsWith("policy.earlyWarning", StringComparison.Ordinal));
    }

    private static int Days(EarlyWarning warning) => warning.WindowTo.DayNumber - warning.WindowFrom.DayNumber + 1;

    private static DayActivity Day(int day, CaseType type, int count)
    {
        var activity = DayActivity.Empty(s_day0.AddDays(day));
        activity.Arrivals[(int)type] = count;
        return activity;
    }

    /// <summary>Poisson counts per day and type, the rate a function of the day.</summary>
    [Fact]
    public void Fewer_recent_arrivals_than_the_minimum_raise_nothing_whatever_their_days_and_types()
    {
        // MayRaise lets the simulator skip subtrees: it must never skip one that Evaluate would warn.
        // The quietest baseline makes recent arrivals most surprising.
        var rule = new EarlyWarningRule();
        var through = s_day0.AddDays(60);
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var recentDays = Enumerable.Range(0, rule.MaxWindowDays + 1).Select(d => rule.RecentFrom(through).AddDays(d)).ToArray();
            var series = Series(random, days: 61, (CaseType.Labour, _ => 0.0));
            var arrivals = random.Next(rule.MinObserved);
            for (var i = 0; i < arrivals; i++)
            {
                var day = recentDays[random.Next(recentDays.Length)].DayNumber - s_day0.DayNumber;
                series.Days[day].Arrivals[random.Next(DayActivity.TypeCount)]++;
            }

            Assert.False(rule.MayRaise(arrivals));
            Assert.Empty(rule.Evaluate(s_county, series, through));
        }

        Assert.True(rule.MayRaise(rule.MinObserved));
    }

    private static ActivitySeries Series(Random random, int days, params (CaseType Type, Func<int, double> Rate)[] types)
    {
        var list = new List<DayActivity>();
        for (var d = 0; d < days; d++)
        {
            var activity = DayActivity.Empty(s_day0.AddDays(d));
            foreach (var (type, rate) in types)
            {
                activity.Arrivals[(int)type] = Poisson(random, rate(d));
            }

            list.Add(activity);
        }

        return new ActivitySeries(s_day0, list);
    }

    private static int Poisson(Random random, double mean)
    {
        // Knuth's method, in chunks so that exp(-mean) does not underflow.
        var count = 0;
        for (var left = mean; left > 0; left -= 20)
        {
            var (limit, product) = (Math.Exp(-Math.Min(left, 20)), random.NextDouble());
            while (product > limit)
            {
                count++;
                product *= random.NextDouble();
            }
        }

        return count;
    }

    private static double Choose(int n, int k) => Enumerable.Range(1, k).Aggregate(1.0, (c, i) => c * (n - k + i) / i);
}
