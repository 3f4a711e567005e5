namespace CoCreation.Host.Seed;

public sealed class DemoSeeder
{
    public Task SeedAsync(CancellationToken token) => Task.CompletedTask;
}
