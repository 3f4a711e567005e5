namespace CoCreation.Host.Audit;

/// <summary>Creates the chain's table at startup, so verification answers on a fresh database too.</summary>
public sealed class AuditSchema(AuditStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.EnsureSchema(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
