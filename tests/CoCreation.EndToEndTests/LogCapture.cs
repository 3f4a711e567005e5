using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CoCreation.EndToEndTests;

/// <summary>
/// A logger provider in the test host that keeps every entry, at every level, while a recording is open:
/// the text, the values of its template, its exception and the scopes it was written in.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private volatile Recording? _recording;
    private IExternalScopeProvider? _scopes;

    public sealed record Entry(string Category, LogLevel Level, EventId Id, string Text, string Values, string Scopes, Exception? Exception)
    {
        /// <summary>Everything a log sink could write from this entry.</summary>
        public string Everything => $"{Category} {Text} {Values} {Scopes} {Exception}";
    }

    public sealed class Recording(LogCapture owner) : IDisposable
    {
        internal readonly ConcurrentQueue<Entry> Queue = new();
        public IReadOnlyList<Entry> Entries => Queue.ToArray();
        public void Dispose() => Interlocked.CompareExchange(ref owner._recording, null, this);
    }

    public Recording Record()
    {
        var recording = new Recording(this);
        _recording = recording;
        return recording;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => owner._recording is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (owner._recording is not { } recording) return;
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" | ", pairs.Select(p => $"{p.Key}={p.Value}")) : $"{state}";
            var scopes = new List<string>();
            owner._scopes?.ForEachScope((scope, list) => list.Add(scope is IEnumerable<KeyValuePair<string, object?>> kv
                ? string.Join(" | ", kv.Select(p => $"{p.Key}={p.Value}")) : $"{scope}"), scopes);
            recording.Queue.Enqueue(new Entry(category, logLevel, eventId, formatter(state, exception), values, string.Join(" / ", scopes), exception));
        }
    }
}
