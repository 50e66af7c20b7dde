using Orleans.Governance.Abstractions;
using Orleans.Governance.Domain.Cases;
using Orleans.Governance.Domain.City;
using Orleans.Governance.Durability.Tests.Support;
using Orleans.Governance.Tests.Shared;
using Xunit.Abstractions;

namespace Orleans.Governance.Durability.Tests;

/// <summary>
/// The fault suite of issue #16: silos in their own processes on a PostgreSQL of each test's own,
/// run with a deployment's durability settings (fsync and synchronous_commit on), under a load of
/// whole case lifecycles while the database crashes, slows down or runs out of disk, a silo is cut
/// off or the silos' clocks disagree. Each test prints one line: load held, faults injected,
/// acknowledged cases checked, lost, duplicated (deploy/soak.sh runs them longer and tabulates).
/// </summary>
[Collection(PostgreSqlCollection.Name)]
[Trait("Category", "PostgreSQL")]
[Trait("Category", "Fault")]
public sealed class FaultTests(ITestOutputHelper output)
{
    private const int Concurrency = 40;

    [Fact]
    public async Task Killing_PostgreSQL_with_SIGKILL_under_load_with_fsync_on_loses_and_duplicates_no_acknowledged_case()
    {
        var lifecycles = FaultReport.Lifecycles(300);
        await using var database = await OwnPostgreSql.StartAsync("kill9");
        var clusterId = $"k9-{Guid.NewGuid():N}"[..16];
        var cityFile = Cities.WriteRoomy(clusterId);
        await using var silo0 = await PostgreSqlSilo.StartAsync(database.ConnectionString, clusterId, 10, cityFile);
        await using var silo1 = await PostgreSqlSilo.StartAsync(database.ConnectionString, clusterId, 11, cityFile);
        using var client = await ClusterClient.StartAsync(database.ConnectionString, clusterId);
        var driver = new LoadDriver(client.Client(), CityFigures.Grids(cityFile), clusterId);

        // Two crashes, at a third and at two thirds of the registrations; each is followed by a
        // restart two seconds later, which is PostgreSQL's crash recovery (WAL replay).
        var crashes = new List<Task>();
        var injected = 0;
        await driver.RunAsync(lifecycles, Concurrency, acknowledged =>
        {
            var seen = Volatile.Read(ref injected);
            if (seen < 2 && acknowledged >= (seen + 1) * lifecycles / 3 && Interlocked.CompareExchange(ref injected, seen + 1, seen) == seen)
            {
                output.WriteLine($"SIGKILL to the postmaster and its backends after {acknowledged} acknowledged registrations");
                lock (crashes)
                {
                    crashes.Add(CrashAndRecoverAsync(database));
                }
            }

            return Task.CompletedTask;
        });
        await Task.WhenAll(crashes);

        var audit = await CaseAudit.CheckAsync(client.Client(), driver.Acknowledged.ToList());
        var recoveries = CountOf(database.LogText(), "database system was interrupted");
        FaultReport.From("PostgreSQL kill -9, fsync on", driver, lifecycles, injected, audit, $"{recoveries} crash recoveries, {driver.Retries} retried calls").Publish(output);
        Assert.Equal(2, injected);
        Assert.Equal(2, recoveries);
        Assert.Equal(new CaseAudit(lifecycles, lifecycles, 0, 0, 0, lifecycles), audit);
        await CityFigures.AssertEachCaseCountedOnceAsync(client.Client(), cityFile, lifecycles, output);
    }

    [Fact]
    public async Task A_full_disk_under_load_fails_writes_with_the_cause_named_and_after_space_returns_no_acknowledged_case_is_lost()
    {
        var lifecycles = FaultReport.Lifecycles(300);
        await using var database = await OwnPostgreSql.StartAsync("disk", tmpfsMegabytes: 160);
        var clusterId = $"fd-{Guid.NewGuid():N}"[..16];
        var cityFile = Cities.WriteRoomy(clusterId);
        await using var silo0 = await PostgreSqlSilo.StartAsync(database.ConnectionString, clusterId, 12, cityFile);
        await using var silo1 = await PostgreSqlSilo.StartAsync(database.ConnectionString, clusterId, 13, cityFile);
        using var client = await ClusterClient.StartAsync(database.ConnectionString, clusterId);
        var driver = new LoadDriver(client.Client(), CityFigures.Grids(cityFile), clusterId);

        var fault = Task.CompletedTask;
        var injected = 0;
        var retriesBefore = 0L;
        var retriesWhileFull = 0L;
        await driver.RunAsync(lifecycles, Concurrency, acknowledged =>
        {
            if (acknowledged >= lifecycles / 3 && Interlocked.Exchange(ref injected, 1) == 0)
            {
                fault = Task.Run(async () =>
                {
                    var filled = FillDisk(database.FillerFile);
                    retriesBefore = driver.Retries;
                    output.WriteLine($"filled the data directory's {160} MB filesystem with {filled / 1_048_576} MB after {acknowledged} acknowledged registrations");

                    // Barrier: the server has said why it cannot write (a log line naming the cause).
                    await WaitForAsync(() => database.LogText().Contains("No space left on device", StringComparison.Ordinal), TimeSpan.FromSeconds(60),
                        "the disk is full, but PostgreSQL's log never named it: " + database.Tail());
                    await Task.Delay(TimeSpan.FromSeconds(3));
                    retriesWhileFull = driver.Retries - retriesBefore;
                    File.Delete(database.FillerFile);
                    output.WriteLine($"freed the space; PostgreSQL {(await database.RunningAsync() ? "still running" : "had stopped, restarting it")}");
                    if (!await database.RunningAsync())
                    {
                        await database.StartServerAsync();
                    }
                });
            }

            return Task.CompletedTask;
        });
        await fault;

        var audit = await CaseAudit.CheckAsync(client.Client(), driver.Acknowledged.ToList());
        var log = database.LogText();
        var named = log.Split('\n').Where(l => l.Contains("No space left on device", StringComparison.Ordinal)).ToList();
        output.WriteLine($"PostgreSQL logged {named.Count} lines naming the cause, the first: {named.FirstOrDefault()}");
        foreach (var (kind, count) in driver.Failures.OrderByDescending(f => f.Value).Take(5))
        {
            output.WriteLine($"  {count} × {kind}");
        }

        FaultReport.From("full disk (tmpfs of 160 MB)", driver, lifecycles, injected, audit,
            $"{retriesWhileFull} calls failed while full, {CountOf(log, "PANIC")} PANIC lines, {driver.Retries} retried calls").Publish(output);
        Assert.NotEmpty(named);
        Assert.True(retriesWhileFull > 0, "no grain call failed while the disk was full");
        Assert.Contains(driver.Failures.Keys, kind => kind.Contains("No space left on device", StringComparison.Ordinal));
        Assert.Equal(new CaseAudit(lifecycles, lifecycles, 0, 0, 0, lifecycles), audit);
        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM pg_stat_database WHERE checksum_failures > 0"));
        await CityFigures.AssertEachCaseCountedOnceAsync(client.Client(), cityFile, lifecycles, output);
    }

    [Fact]
    public async Task A_slow_database_slows_the_load_gives_callers_timeouts_not_hangs_and_loses_no_acknowledged_case()
    {
        var lifecycles = FaultReport.Lifecycles(300);
        await using var database = await OwnPostgreSql.StartAsync("slow");
        await using var proxy = new TcpProxy(database.Port);
        var throughProxy = database.ConnectionString.Replace($"Port={database.Port}", $"Port={proxy.Port}", StringComparison.Ordinal);
        var clusterId = $"sl-{Guid.NewGuid():N}"[..16];
        var cityFile = Cities.WriteRoomy(clusterId);
        await using var silo0 = await PostgreSqlSilo.StartAsync(throughProxy, clusterId, 14, cityFile);
        await using var silo1 = await PostgreSqlSilo.StartAsync(throughProxy, clusterId, 15, cityFile);
        using var client = await ClusterClient.StartAsync(database.ConnectionString, clusterId);
        var driver = new LoadDriver(client.Client(), CityFigures.Grids(cityFile), clusterId);

        // Two faults: every chunk of bytes held 100 ms for 5 s (slow), then for 12 s, longer than
        // the client's 10 s response timeout (a stall).
        var fault = Task.CompletedTask;
        var injected = 0;
        var phases = new List<string>();
        await driver.RunAsync(lifecycles, Concurrency, acknowledged =>
        {
            if (acknowledged >= lifecycles / 3 && Interlocked.Exchange(ref injected, 2) == 0)
            {
                fault = Task.Run(async () =>
                {
                    foreach (var (name, delay, length) in new[] { ("slow", TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5)), ("stalled", TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(12)) })
                    {
                        var (done, retries, timeouts) = (driver.Completed.Count, driver.Retries, Timeouts(driver));
                        proxy.Delay = delay;
                        await Task.Delay(length);
                        proxy.Delay = TimeSpan.Zero;
                        phases.Add($"{name} {length.TotalSeconds:0} s: {(driver.Completed.Count - done) / length.TotalSeconds:0.0} lifecycles/s, {driver.Retries - retries} failed calls of which {Timeouts(driver) - timeouts} timeouts");
                    }
                });
            }

            return Task.CompletedTask;
        });
        await fault;

        var audit = await CaseAudit.CheckAsync(client.Client(), driver.Acknowledged.ToList());
        foreach (var phase in phases)
        {
            output.WriteLine(phase);
        }

        FaultReport.From("slow database (delaying proxy)", driver, lifecycles, injected, audit, $"{string.Join("; ", phases)}; {driver.Retries} retried calls").Publish(output);
        Assert.Equal(new CaseAudit(lifecycles, lifecycles, 0, 0, 0, lifecycles), audit);
        Assert.True(Timeouts(driver) > 0, "no call timed out while the database stalled for longer than the response timeout");
        await CityFigures.AssertEachCaseCountedOnceAsync(client.Client(), cityFile, lifecycles, output);
    }

    [Fact]
    public async Task Silos_whose_clocks_straddle_midnight_minutes_apart_issue_no_case_number_twice_and_lose_no_acknowledged_case()
    {
        var lifecycles = FaultReport.Lifecycles(200);
        await using var database = await OwnPostgreSql.StartAsync("skew");
        var clusterId = $"ck-{Guid.NewGuid():N}"[..16];
        var cityFile = Cities.WriteRoomy(clusterId);

        // One silo's clock reads two minutes before the next midnight of China Standard Time (the
        // day in a case number), the other's two minutes after: four minutes apart, a day apart
        // in the numbers they would issue.
        var now = DateTimeOffset.UtcNow;
        var china = TimeSpan.FromHours(8);
        var midnight = new DateTimeOffset(now.ToOffset(china).Date.AddDays(1), china);
        var behind = midnight - TimeSpan.FromMinutes(2) - now;
        var ahead = midnight + TimeSpan.FromMinutes(2) - now;
        await using var silo0 = await PostgreSqlSilo.StartAsync(database.ConnectionString, clusterId, 16, cityFile, $"--Governance:ClockOffset={behind:c}");
        await using var silo1 = await PostgreSqlSilo.StartAsync(database.ConnectionString, clusterId, 17, cityFile, $"--Governance:ClockOffset={ahead:c}");
        using var client = await ClusterClient.StartAsync(database.ConnectionString, clusterId);
        var driver = new LoadDriver(client.Client(), CityFigures.Grids(cityFile), clusterId);

        // Beside the load: every unit issues case numbers, then all activations are collected so
        // that each unit comes back on either silo, its clock on either side of midnight.
        var units = CityFile.LoadFile(cityFile).Units;
        var numbers = new System.Collections.Concurrent.ConcurrentBag<string>();
        const int Rounds = 6;
        var issuing = Task.Run(async () =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                await Task.WhenAll(units.Select(async unit =>
                {
                    for (var i = 0; i < 3; i++)
                    {
                        numbers.Add(await Retry.RunAsync(() => client.Client().GetUnit(unit.Ref).IssueCaseNumberAsync()));
                    }
                }));
                await client.Client().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
            }
        });
        await driver.RunAsync(lifecycles, Concurrency);
        await issuing;

        var audit = await CaseAudit.CheckAsync(client.Client(), driver.Acknowledged.ToList());
        var repeated = numbers.GroupBy(n => n).Count(g => g.Count() > 1);
        var days = numbers.Select(n => CaseNumber.DayIn(n)).Distinct().Order().ToList();
        FaultReport.From("clock skew (4 min, across midnight)", driver, lifecycles, Rounds, audit,
            $"{numbers.Count} case numbers issued on days {string.Join(", ", days)}, {repeated} issued twice; {driver.Retries} retried calls").Publish(output);
        Assert.Equal(0, repeated);
        Assert.Equal(new CaseAudit(lifecycles, lifecycles, 0, 0, 0, lifecycles), audit);
        await CityFigures.AssertEachCaseCountedOnceAsync(client.Client(), cityFile, lifecycles, output);
    }

    private static int Timeouts(LoadDriver driver) =>
        driver.Failures.Where(f => f.Key.StartsWith(nameof(TimeoutException), StringComparison.Ordinal)).Sum(f => f.Value);

    /// <summary>Writes zeros to the file until the filesystem refuses; returns the bytes written.</summary>
    private static long FillDisk(string path)
    {
        var block = new byte[1 << 20];
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        long written = 0;
        try
        {
            while (true)
            {
                file.Write(block);
                written += block.Length;
            }
        }
        catch (IOException)
        {
            // ENOSPC: the filesystem is full, which is the point.
        }

        try
        {
            // Take the last partial block too.
            for (var size = block.Length / 2; size >= 512; size /= 2)
            {
                try
                {
                    file.Write(block, 0, size);
                    written += size;
                }
                catch (IOException)
                {
                }
            }
        }
        finally
        {
            try
            {
                file.Dispose();
            }
            catch (IOException)
            {
                // The flush of a buffered remainder fails on a full disk as well.
            }
        }

        return written;
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, string failure)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(failure);
            }

            await Task.Delay(200);
        }
    }

    private static async Task CrashAndRecoverAsync(OwnPostgreSql database)
    {
        await database.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await database.StartServerAsync();
    }

    private static int CountOf(string text, string phrase)
    {
        var count = 0;
        for (var i = text.IndexOf(phrase, StringComparison.Ordinal); i >= 0; i = text.IndexOf(phrase, i + phrase.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
