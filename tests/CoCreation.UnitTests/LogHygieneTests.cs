using CoCreation.BuildingBlocks.Problems;
using CoCreation.Host.Infrastructure.Logging;
using CoCreation.Ideation.Ideas.Submitting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoCreation.UnitTests;

public sealed class LogHygieneTests
{
    private sealed record Written(LogLevel Level, string Text, string Values, Exception? Exception);

    private sealed class Sink : ILoggerProvider, ILogger
    {
        public List<Written> Entries { get; } = [];
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add(new(logLevel, formatter(state, exception),
                state is IEnumerable<KeyValuePair<string, object?>> values ? string.Join("|", values.Select(v => $"{v.Key}={v.Value}")) : "", exception));
        public void Dispose() { }
    }

    private static (ILogger Logger, Sink Sink, ServiceProvider Services) Logger(string category = "CoCreation.Ideation.Ideas.Submitting.SubmitIdea")
    {
        var sink = new Sink();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(sink).SetMinimumLevel(LogLevel.Trace).AddLogHygiene())
            .BuildServiceProvider();
        return (services.GetRequiredService<ILoggerFactory>().CreateLogger(category), sink, services);
    }

    private static readonly SubmitIdea Command = new(Guid.NewGuid(), Guid.NewGuid(), "Secret lantern", "Only the author knows this", ["hush"], "author-1");

    [Fact]
    public void A_message_of_ours_is_written_as_its_type_name()
    {
        var (logger, sink, services) = Logger();
        using (services)
            logger.LogError(new InvalidOperationException("boom"), "Invocation of {Message} failed! ({Attempt:D2})", Command, 3);

        var entry = Assert.Single(sink.Entries);
        Assert.Equal("Invocation of SubmitIdea failed! (03)", entry.Text);
        Assert.DoesNotContain("Secret", entry.Values);
        Assert.DoesNotContain("author-1", entry.Values);
        Assert.Contains("Message=SubmitIdea", entry.Values);
    }

    [Fact]
    public void An_unexpected_failure_stays_an_error_with_its_exception()
    {
        var (logger, sink, services) = Logger();
        var failure = new InvalidOperationException("boom");
        using (services) logger.LogError(failure, "Unexpected error on {Method} {Path}", "POST", "/api/ideas");

        var entry = Assert.Single(sink.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Same(failure, entry.Exception);
        Assert.Equal("Unexpected error on POST /api/ideas", entry.Text);
    }

    [Theory]
    [InlineData(409)]
    [InlineData(404)]
    [InlineData(400)]
    public void A_refusal_is_logged_at_debug(int status)
    {
        DomainProblem refusal = status switch
        {
            409 => new RuleViolated("campaign-not-open", "closed"),
            404 => new NotFound("idea", Guid.Empty),
            _ => new ValidationFailed(new Dictionary<string, string[]> { ["title"] = ["too short"] })
        };
        var (logger, sink, services) = Logger();
        using (services)
        {
            logger.LogError(refusal, "Invocation of {Message} failed!", Command);
            logger.LogError(new AggregateException(refusal), "Failed");
            logger.LogWarning(new FactNotYetKnown("later"), "Failed to process");
        }

        Assert.All(sink.Entries, e => Assert.Equal(LogLevel.Debug, e.Level));
    }

    [Fact]
    public void A_domain_problem_answered_with_a_5xx_stays_an_error()
    {
        var (logger, sink, services) = Logger();
        using (services) logger.LogError(new ServerSide(), "Failed");

        Assert.Equal(LogLevel.Error, Assert.Single(sink.Entries).Level);
    }

    private sealed class ServerSide() : DomainProblem(503, "unavailable", "Unavailable", "Try later");
}
