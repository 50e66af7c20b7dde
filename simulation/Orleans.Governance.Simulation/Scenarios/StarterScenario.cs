namespace Orleans.Governance.Simulation.Scenarios;

/// <summary>The commented scenario that <c>new</c> writes; the schema is documented in docs/simulator.md.</summary>
public static class StarterScenario
{
    public const string Text = """
        # Orleans.Governance simulator scenario (schema: docs/simulator.md).
        # Run it: dotnet run --project simulation/Orleans.Governance.Simulation -c Release -- run THIS_FILE --report report.html
        name: 示例市 starter
        seed: 42                 # same seed, same figures, bit for bit
        replications: 1          # independent runs; figures get a 95 % confidence interval from 2 on
        horizonDays: 60          # virtual days simulated
        warmUpDays: 7            # cases registered before this day, and time before it, are not counted
        startDate: 2026-03-02    # day 0 (a Monday); drives day-of-week and monthly multipliers

        city:
          shape: sample          # sample | dezhou | { counties, townships, villages, grids, villageMediators, … }
          # file: ../../cities/sample.json   # or a city file, relative to this scenario

        staffing:                # optional: replaces the city's mediator teams by one team of this size
          township: 4
          # centres: { sample-01-01: 6 }   # per centre, by unit id

        policy:                  # optional: overrides the city's policy (deadlines in days)
          overdueEscalationDays: 3

        arrivals:                # Poisson arrivals per unit per day, by case type and by the level that registers them
          labour: { ratePerGridPerDay: 0.04 }
          neighbour: { ratePerGridPerDay: 0.08 }
          marriageFamily: { ratePerGridPerDay: 0.03 }
          propertyManagement: { ratePerGridPerDay: 0.03, ratePerTownshipPerDay: 0.2 }

        calendar:
          dayOfWeek: [1, 1, 1, 1, 1, 0.6, 0.5]               # Monday … Sunday
          monthly: [1.4, 1.5, 1.2, 1, 1, 1, 1, 1, 1, 1, 1, 1.2]  # January … December
          surges:
            - { fromDay: 20, toDay: 30, multiplier: 2, types: [labour] }   # e.g. wages after the Spring Festival
            # - { fromDay: 40, toDay: 47, multiplier: 3, types: [landContract], units: [sample-01] }   # one county and its subtree only

        handling:                # mediation time once signed: exponential (meanDays), lognormal (meanDays, sdDays), fixed (meanDays)
          default:
            grid: { distribution: exponential, meanDays: 0.5 }
            village: { distribution: exponential, meanDays: 1 }
            township: { distribution: lognormal, meanDays: 1.5, sdDays: 1 }
            county: { distribution: exponential, meanDays: 3 }
            city: { distribution: exponential, meanDays: 5 }
          labour:
            township: { distribution: lognormal, meanDays: 3, sdDays: 2 }

        resolution:              # probability that mediation succeeds at a level; failures go up, the city refers them
          default: { grid: 0.6, village: 0.6, township: 0.7, county: 0.8, city: 0.9 }
          labour: { grid: 0.3 }

        signDelay: { distribution: exponential, meanDays: 0.1 }   # assignment to signature (签收)
        closeDelay: { distribution: fixed, meanDays: 0 }          # agreement or referral to closure (办结)

        followUp:
          share: 1               # share of closed cases visited (回访)
          delay: { distribution: fixed, meanDays: 1 }
          satisfaction:          # weights of scores 1 … 5
            resolved: [0.01, 0.01, 0.03, 0.15, 0.80]
            referred: [0.10, 0.15, 0.35, 0.25, 0.15]

        channels: { gridPatrol: 0.5, walkIn: 0.2, hotline12345: 0.15, onlinePlatform: 0.15 }

        intake:
          highRiskShare: 0.01    # raised to the policy's level at triage (提级会诊)
          longStandingShare: 0.02
          groupShare: 0.05       # three parties or more: complex by policy
          litigationShare: 0.4   # referrals at the top: litigation, the rest arbitration

        """;
}
