using CoCreation.BuildingBlocks.Problems;
using JasperFx.CodeGeneration;
using Marten.Exceptions;
using JasperFx;
using Wolverine;
using Wolverine.ErrorHandling;

namespace CoCreation.Host.Infrastructure;

public static class MessagingSetup
{
    /// <summary>
    /// Wolverine as the only way modules talk: durable local queues behind the Marten outbox, and each
    /// module's handler of a shared message on its own queue (Separated), so one module's failure
    /// neither blocks nor rolls back another's.
    /// </summary>
    public static void UseCoCreationMessaging(this WebApplicationBuilder builder)
    {
        builder.Host.UseWolverine(opts =>
        {
            opts.ServiceName = "CoCreation";
            // Pinned, so a process that starts the host from another assembly (tests, benchmarks) discovers the same handlers.
            opts.ApplicationAssembly = typeof(MessagingSetup).Assembly;
            opts.Durability.Mode = DurabilityMode.Solo;
            opts.MultipleHandlerBehavior = MultipleHandlerBehavior.Separated;
            opts.Policies.AutoApplyTransactions();
            opts.Policies.UseDurableLocalQueues();
            // One message at a time per handler queue: a module's handler sees another module's facts in
            // the order they were published, and never races itself on the same stream.
            opts.Policies.AllLocalQueues(q => q.Sequential());
            opts.EnableRelayOfUserName = true;
            // Dynamic by default (docs/adr/0002); Static runs code written beforehand by the `codegen write` verb.
            opts.CodeGeneration.TypeLoadMode = builder.Configuration.GetValue("CoCreation:HandlerCodeMode", TypeLoadMode.Dynamic);

            // A refused command is an answer, not a fault: no retry.
            opts.Policies.OnException<DomainProblem>().MoveToErrorQueue();
            // A stream appended to since it was fetched for writing (Marten's optimistic check): decide again on fresh state.
            opts.Policies.OnException<ConcurrencyException>().Or<JasperFx.Events.EventStreamUnexpectedMaxEventIdException>()
                .RetryWithCooldown(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(25), TimeSpan.FromMilliseconds(50),
                    TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250))
                .Then.ScheduleRetry(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30))
                .Then.MoveToErrorQueue();
            opts.Policies.OnException<ExistingStreamIdCollisionException>()
                .RetryWithCooldown(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50))
                .Then.MoveToErrorQueue();
            opts.Policies.OnException<JasperFx.Events.ExistingStreamIdCollisionException>()
                .RetryWithCooldown(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50))
                .Then.MoveToErrorQueue();
            opts.Policies.OnException<FactNotYetKnown>()
                .ScheduleRetry(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30))
                .Then.MoveToErrorQueue();
        });
    }
}
