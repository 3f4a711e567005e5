using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoCreation.Host.Infrastructure.Logging;

/// <summary>
/// Every logger of the process passes through here, Wolverine's and Marten's included. Two rules:
/// what members wrote never reaches a log line (a message or record of ours is written as its type name, since a
/// record's ToString prints every member and Wolverine logs whole messages), and an expected failure
/// (<see cref="ExpectedFailures"/>) is logged at Debug, not as an error with a stack trace.
/// </summary>
public static class LogHygiene
{
    public static ILoggingBuilder AddLogHygiene(this ILoggingBuilder logging)
    {
        logging.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new HygienicLoggerFactory(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(), sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(), sp.GetService<IExternalScopeProvider>()))));
        return logging;
    }

    /// <summary>The level an entry is written at.</summary>
    public static LogLevel LevelFor(string category, LogLevel level, EventId id, Exception? exception)
    {
        if (level < LogLevel.Warning) return level;
        if (exception is not null && ExpectedFailures.IsExpected(exception)) return LogLevel.Debug;
        // Wolverine reports every scheduled retry as an error; giving up (moving to the error queue) stays one.
        if (id.Id == Wolverine.Runtime.WolverineRuntime.RescheduledEventId && category == typeof(Wolverine.Runtime.WolverineRuntime).FullName)
            return LogLevel.Information;
        return level;
    }
}

internal sealed class HygienicLoggerFactory(LoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new HygienicLogger(categoryName, inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}

internal sealed class HygienicLogger(string category, ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var level = LogHygiene.LevelFor(category, logLevel, eventId, exception);
        if (!inner.IsEnabled(level)) return;
        if (RedactedLogState.Of(state) is { } redacted) inner.Log(level, eventId, redacted, exception, RedactedLogState.Format);
        else inner.Log(level, eventId, state, exception, formatter);
    }
}
