using Microsoft.AspNetCore.Http;
using Wolverine;

namespace CoCreation.BuildingBlocks.Http;

public static class CommandDispatch
{
    /// <summary>
    /// Runs a module's command handler inline, in its own Marten transaction and outbox, with the
    /// request's actor and correlation id, and the request id as causation of what it appends.
    /// </summary>
    public static Task<T> Send<T>(this IMessageContext bus, HttpContext http, object command)
    {
        var context = RequestContext.Of(http);
        bus.CorrelationId = context.CorrelationId;
        bus.UserName = context.Actor;
        return bus.InvokeAsync<T>(command, new DeliveryOptions { CausationId = context.RequestId }, http.RequestAborted);
    }

    /// <summary>Same as <see cref="Send{T}"/> for a command that answers nothing.</summary>
    public static Task Send(this IMessageContext bus, HttpContext http, object command)
    {
        var context = RequestContext.Of(http);
        bus.CorrelationId = context.CorrelationId;
        bus.UserName = context.Actor;
        return bus.InvokeAsync(command, new DeliveryOptions { CausationId = context.RequestId }, http.RequestAborted);
    }

    /// <summary>Same as <see cref="Send{T}"/> for callers outside HTTP (the demo seed, dev routes).</summary>
    public static Task<T> SendAs<T>(this IMessageContext bus, string actor, string correlationId, object command, CancellationToken token = default)
    {
        bus.CorrelationId = correlationId;
        bus.UserName = actor;
        return bus.InvokeAsync<T>(command, new DeliveryOptions { CausationId = Guid.CreateVersion7().ToString() }, token);
    }

    /// <summary>Same as <see cref="SendAs{T}"/> for a command that answers nothing.</summary>
    public static Task SendAs(this IMessageContext bus, string actor, string correlationId, object command, CancellationToken token = default)
    {
        bus.CorrelationId = correlationId;
        bus.UserName = actor;
        return bus.InvokeAsync(command, new DeliveryOptions { CausationId = Guid.CreateVersion7().ToString() }, token);
    }
}
