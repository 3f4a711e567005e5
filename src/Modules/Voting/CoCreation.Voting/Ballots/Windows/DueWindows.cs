using CoCreation.BuildingBlocks.Time;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;

namespace CoCreation.Voting.Ballots.Windows;

/// <summary>Closes, through the same handler as the scheduled message, every open window whose deadline has passed.</summary>
public sealed class DueWindows(IServiceProvider services) : IDueWork
{
    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken token)
    {
        await using var scope = services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        var due = await session.Query<Ballot>()
            .Where(b => b.Status == BallotStatus.Open && b.Deadline != null && b.Deadline < now)
            .Select(b => new { b.IdeaId, b.CampaignId, b.NextMilestone })
            .ToListAsync(token);
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        foreach (var ballot in due)
            await bus.InvokeAsync(new MilestoneWindowClosing(ballot.IdeaId, ballot.CampaignId, ballot.NextMilestone), token);
        return due.Count;
    }
}
