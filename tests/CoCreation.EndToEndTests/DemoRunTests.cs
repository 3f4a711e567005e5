using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CoCreation.EndToEndTests;

/// <summary>The host as ./run.sh starts it (its own process, the demo seed on, appsettings' log levels) on a database of its own.</summary>
public sealed class DemoRunTests
{
    [Fact]
    public async Task The_seeded_host_is_ready_only_once_seeded_says_where_it_answers_and_logs_no_failure()
    {
        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("ConnectionStrings__Postgres"));
        var database = $"demo_run_{Guid.NewGuid():N}"[..24];
        await using var admin = NpgsqlDataSource.Create(server.ConnectionString);
        await using (var create = admin.CreateCommand($"create database {database}")) await create.ExecuteNonQueryAsync();
        var port = FreePort();
        var lines = new ConcurrentQueue<string>();
        var statuses = new List<HttpStatusCode>();
        var process = PlatformFixture.StartHost(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Postgres"] = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = database }.ConnectionString,
            ["CoCreation__SeedDemoData"] = "true", ["CoCreation__DevMode"] = "true", ["Logging__LogLevel__Default"] = null
        }, $"--urls=http://127.0.0.1:{port}");
        try
        {
            var readers = new[] { Collect(process.StandardOutput, lines), Collect(process.StandardError, lines) };
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            var deadline = DateTime.UtcNow.AddMinutes(5);
            while (!lines.Any(l => l.Contains("CoCreation ready at")))
            {
                Assert.True(DateTime.UtcNow < deadline && !process.HasExited, "The host did not say it was ready:\n" + string.Join("\n", lines));
                try { statuses.Add((await http.GetAsync("/health/ready")).StatusCode); }
                catch (HttpRequestException) { } // not listening yet
                await Task.Delay(200);
            }

            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
            Assert.Contains(HttpStatusCode.ServiceUnavailable, statuses); // while seeding
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
            var output = lines.ToList();
            Assert.Contains(output, l => l.Trim() == $"CoCreation ready at http://127.0.0.1:{port} (API reference http://127.0.0.1:{port}/docs)");
            Assert.False(output.Any(l => l.StartsWith("fail:") || l.StartsWith("crit:")), "The host logged a failure:\n" + string.Join("\n", output));
            Assert.True(output.Count < 40, $"{output.Count} lines of log at start:\n" + string.Join("\n", output));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
            await using var drop = admin.CreateCommand($"drop database if exists {database} with (force)");
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task Collect(StreamReader reader, ConcurrentQueue<string> lines)
    {
        while (await reader.ReadLineAsync() is { } line) lines.Enqueue(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
