"""SimPy model of the benchmark network (issue 3), written for the side-by-side comparison.

12 counties x 11 townships x 20 villages x 5 grids. One server per grid and per village, 3 per
township, 4 per county, 6 at the city (10x variant: 12 / 40 / 60 at township / county / city).
Poisson arrivals at every grid (0.03 a day, 10x: 0.3); exponential service with mean
0.5 / 1 / 1.5 / 3 / 5 days; resolved at each level with probability 0.6 / 0.6 / 0.7 / 0.8 / 1,
otherwise passed to the parent's queue (FIFO). 90 days.

Prints one line of JSON per replication: cases, resolved per level, and the event-loop seconds (first simulated
event to last; interpreter start-up and network construction excluded).
"""
import json
import random
import sys
import time

import simpy

COUNTIES, TOWNSHIPS, VILLAGES, GRIDS = 12, 11, 20, 5
MEAN_SERVICE = [0.5, 1.0, 1.5, 3.0, 5.0]        # grid, village, township, county, city (days)
RESOLVED = [0.6, 0.6, 0.7, 0.8, 1.0]
HORIZON_DAYS = 90.0


def main(variant: str, seed: int) -> None:
    if variant == "1x":
        rate, servers = 0.03, [1, 1, 3, 4, 6]
    elif variant == "10x":
        rate, servers = 0.3, [1, 1, 12, 40, 60]
    else:
        raise SystemExit(f"variant: {variant!r} - expected 1x or 10x")

    rng = random.Random(seed)
    env = simpy.Environment()
    city = simpy.Resource(env, capacity=servers[4])
    resolved = [0, 0, 0, 0, 0]
    created = [0]

    def case(chain):
        # chain: the resources from the grid up to the city
        for level, resource in enumerate(chain):
            with resource.request() as request:
                yield request
                yield env.timeout(rng.expovariate(1.0 / MEAN_SERVICE[level]))
            if rng.random() < RESOLVED[level]:
                resolved[level] += 1
                return

    def arrivals(chain):
        while True:
            yield env.timeout(rng.expovariate(rate))
            created[0] += 1
            env.process(case(chain))

    for _ in range(COUNTIES):
        county = simpy.Resource(env, capacity=servers[3])
        for _ in range(TOWNSHIPS):
            township = simpy.Resource(env, capacity=servers[2])
            for _ in range(VILLAGES):
                village = simpy.Resource(env, capacity=servers[1])
                for _ in range(GRIDS):
                    grid = simpy.Resource(env, capacity=servers[0])
                    env.process(arrivals((grid, village, township, county, city)))

    started = time.perf_counter()
    env.run(until=HORIZON_DAYS)
    seconds = time.perf_counter() - started
    print(json.dumps({
        "tool": "simpy " + simpy.__version__,
        "variant": variant,
        "cases": created[0],
        "resolvedByLevel": dict(zip(["grid", "village", "township", "county", "city"], resolved)),
        "eventLoopSeconds": round(seconds, 3),
    }))


if __name__ == "__main__":
    # network.py [1x|10x] [seed] [replications]: replications run one after another in this
    # process, each with the next seed, each printing its own line (run.sh --warm).
    variant = sys.argv[1] if len(sys.argv) > 1 else "1x"
    first_seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    for replication in range(int(sys.argv[3]) if len(sys.argv) > 3 else 1):
        main(variant, first_seed + replication)
