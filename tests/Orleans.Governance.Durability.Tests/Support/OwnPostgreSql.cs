using System.Diagnostics;
using Npgsql;

namespace Orleans.Governance.Durability.Tests.Support;

/// <summary>
/// A PostgreSQL 15 of one fault test's own, run as the postgres user with the settings of a
/// deployment (fsync, synchronous_commit and full_page_writes on), so that the test may kill it,
/// slow it down or fill its disk without disturbing the shared fixture. Its data directory, or its
/// write-ahead log alone, is optionally on a small tmpfs of its own (root only: the test fails
/// with the reason otherwise).
/// </summary>
public sealed class OwnPostgreSql : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";

    private readonly string _root;
    private readonly string? _mounted;

    private OwnPostgreSql(string root, string? mounted, int port, string listen)
    {
        (_root, _mounted, Port, Listen) = (root, mounted, port, listen);
    }

    public int Port { get; }

    public string Listen { get; }

    public string Data => Path.Combine(_root, "data");

    public string LogFile => Path.Combine(_root, "postgres.log");

    /// <summary>Where a test may put a file that takes the small filesystem's free space.</summary>
    public string FillerFile => Path.Combine(_mounted ?? _root, "filler");

    private string Wal => Path.Combine(_root, "wal");

    public string ConnectionString => $"Host={Listen};Port={Port};Username=postgres;Database=governance;Maximum Pool Size=40;Timeout=5";

    /// <summary>The same database through its Unix socket (in <see cref="Data"/>, <c>-k</c>): a file, which a network namespace does not cut off.</summary>
    public string UnixSocketConnectionString => $"Host={Data};Port={Port};Username=postgres;Database=governance;Maximum Pool Size=40;Timeout=5";

    /// <summary>
    /// Creates, starts and migrates a server in a fresh folder; with <paramref name="tmpfsMegabytes"/>,
    /// on a tmpfs of that size, or with <paramref name="walOnly"/> only its write-ahead log there
    /// (in segments of 1 MB, so that the log needs a new file soon after the disk is full).
    /// </summary>
    public static async Task<OwnPostgreSql> StartAsync(string name, int? tmpfsMegabytes = null, string listen = "127.0.0.1", bool walOnly = false)
    {
        var root = Path.Combine("/tmp", $"gov-fault-{name}-{Guid.NewGuid():N}"[..24]);
        Directory.CreateDirectory(root);
        string? mounted = null;
        if (tmpfsMegabytes is { } size)
        {
            mounted = walOnly ? Path.Combine(root, "wal") : root;
            Directory.CreateDirectory(mounted);
            var (code, output) = await RunAsync("mount", "-t", "tmpfs", "-o", $"size={size}m,mode=0755", "tmpfs", mounted);
            if (code != 0)
            {
                throw new InvalidOperationException(
                    $"The full-disk fault needs a small filesystem of its own, and mounting a {size} MB tmpfs at {mounted} failed " +
                    $"(exit {code}: {output.Trim()}); the test must run as root with CAP_SYS_ADMIN.");
            }
        }

        await MustAsync("chown", "-R", "postgres:", root);
        var server = new OwnPostgreSql(root, mounted, FreePort.Next(), listen);
        string[] walOptions = walOnly ? [$"--waldir={Path.Combine(server.Wal, "pg_wal")}", "--wal-segsize=1"] : [];
        await MustAsync("runuser", ["-u", "postgres", "--", $"{Bin}/initdb", "-D", server.Data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", .. walOptions]);
        await server.StartServerAsync();
        await MustAsync($"{Bin}/psql", "-X", "-q", "-h", listen, "-p", $"{server.Port}", "-U", "postgres", "-d", "postgres", "-c", "CREATE DATABASE governance");
        await Shell.RunAsync(Repository.Script("deploy/postgres/apply-schema.sh"), new Dictionary<string, string>
        {
            ["PGHOST"] = listen, ["PGPORT"] = $"{server.Port}", ["PGDATABASE"] = "governance",
        });
        return server;
    }

    /// <summary>Starts the server (after a crash this is crash recovery: the WAL is replayed) and waits until it answers.</summary>
    public async Task StartServerAsync()
    {
        var options = $"-c listen_addresses={Listen} -p {Port} -k {Data} -c max_connections=200 " +
            "-c fsync=on -c synchronous_commit=on -c full_page_writes=on";
        var (code, output) = await RunAsync("runuser", "-u", "postgres", "--", $"{Bin}/pg_ctl", "-D", Data, "-l", LogFile, "-o", options, "-w", "-t", "60", "-s", "start");
        if (code != 0)
        {
            throw new InvalidOperationException($"pg_ctl start exited with {code}: {output}\n{Tail()}");
        }

        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>SIGKILL to the postmaster and every backend it forked: a crash, no shutdown checkpoint.</summary>
    public async Task KillAsync()
    {
        var pid = int.Parse(File.ReadLines(Path.Combine(Data, "postmaster.pid")).First());
        using var postmaster = Process.GetProcessById(pid);
        postmaster.Kill(entireProcessTree: true);
        await postmaster.WaitForExitAsync();

        // A backend that outlived its postmaster would keep the shared memory and block the restart.
        for (var i = 0; i < 50 && await RunAsync("pgrep", "-f", $"-D {Data}") is { Code: 0 }; i++)
        {
            await Task.Delay(100);
        }
    }

    /// <summary>True while the postmaster of this data directory is alive.</summary>
    public async Task<bool> RunningAsync() =>
        (await RunAsync("runuser", "-u", "postgres", "--", $"{Bin}/pg_ctl", "-D", Data, "status")).Code == 0;

    public string Tail(int lines = 30) =>
        File.Exists(LogFile) ? string.Join('\n', File.ReadLines(LogFile).TakeLast(lines)) : "(no log)";

    public string LogText() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "";

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return Convert.ToInt64(await new NpgsqlCommand(sql, connection).ExecuteScalarAsync());
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsync("runuser", "-u", "postgres", "--", $"{Bin}/pg_ctl", "-D", Data, "-m", "immediate", "-w", "-s", "stop");
        if (_mounted is not null)
        {
            await RunAsync("umount", "-l", _mounted);
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A crashed server's files may be half gone; /tmp is cleaned by the machine.
        }
    }

    private static async Task MustAsync(string file, params string[] arguments)
    {
        var (code, output) = await RunAsync(file, arguments);
        if (code != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {code}: {output}");
        }
    }

    public static async Task<(int Code, string Output)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGOPTIONS"] = "-c client_min_messages=warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await error);
    }
}
