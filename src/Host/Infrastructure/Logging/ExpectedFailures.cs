using CoCreation.BuildingBlocks.Problems;

namespace CoCreation.Host.Infrastructure.Logging;

/// <summary>
/// Failures that are answers or retries, not faults: a refused request (a 4xx), a fact another module has not yet
/// published, a concurrent change to the same stream. The host answers or retries them; they are not logged as errors.
/// </summary>
public static class ExpectedFailures
{
    public static bool IsExpected(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: 1 } single => IsExpected(single.InnerExceptions[0]),
        DomainProblem problem => problem.Status < 500,
        BadHttpRequestException bad => bad.StatusCode < 500,
        FactNotYetKnown => true,
        JasperFx.ConcurrencyException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException => true,
        Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException => true,
        _ => false
    };
}
