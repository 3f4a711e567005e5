using System.Collections.Concurrent;
using System.Net;

namespace CoCreation.EndToEndTests;

/// <summary>One request a receiver got: its path, headers and body.</summary>
public sealed record ReceivedRequest(string Path, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At);

/// <summary>
/// A webhook receiver on a loopback HTTP listener (System.Net.HttpListener), for the webhook tests: it keeps every
/// request and answers each path with the status its rule gives for that path's n-th request.
/// </summary>
public sealed class LoopbackHttp : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly Func<string, int, int> _status;
    private readonly ConcurrentDictionary<string, int> _counts = new();

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public int Port { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    private LoopbackHttp(int port, Func<string, int, int> status)
    {
        Port = port;
        _status = status;
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = Serve();
    }

    /// <summary>Status: given the path and how many requests that path had before (0 for the first), the status to answer.</summary>
    public static LoopbackHttp Start(int port, Func<string, int, int> status) => new(port, status);

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (!_listener.IsListening) { return; }
            catch (HttpListenerException) { return; }
            catch (ObjectDisposedException) { return; }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var path = context.Request.Url!.AbsolutePath;
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            Requests.Enqueue(new ReceivedRequest(path, headers, body, DateTimeOffset.UtcNow));
            var seen = _counts.AddOrUpdate(path, 1, (_, n) => n + 1) - 1;
            context.Response.StatusCode = _status(path, seen);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try { await _serving; } catch { /* stopping */ }
    }
}
