using CoCreation.Voting.Ballots.Recording;

namespace CoCreation.UnitTests.Voting;

public class CampaignLaneTests
{
    private static PendingVote Vote() => new(new object(), Guid.NewGuid(), "bob", new EventOrigin("bob", "corr", null));

    [Fact]
    public async Task An_idle_lane_commits_what_it_had_then_retires_and_refuses_new_votes_so_its_owner_makes_a_new_one()
    {
        var committed = 0;
        var retired = new TaskCompletionSource<CampaignLane>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lane = new CampaignLane(group =>
        {
            foreach (var v in group) { committed++; v.Committed(committed, null); }
            return Task.CompletedTask;
        }, TimeSpan.FromMilliseconds(200), l => retired.TrySetResult(l), CancellationToken.None);

        var first = Vote();
        Assert.True(lane.TryEnqueue(first));
        Assert.Equal(1, (await first.Done.WaitAsync(TimeSpan.FromSeconds(5))).Supporters);
        Assert.False(retired.Task.IsCompleted);

        Assert.Same(lane, await retired.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        await lane.Stopped.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(lane.TryEnqueue(Vote()));
        Assert.Equal(1, committed);
    }

    [Fact]
    public async Task A_lane_that_keeps_receiving_votes_does_not_retire()
    {
        var retired = false;
        var lane = new CampaignLane(group => { foreach (var v in group) v.Committed(1, null); return Task.CompletedTask; },
            TimeSpan.FromSeconds(3), _ => retired = true, CancellationToken.None);
        for (var i = 0; i < 5; i++)
        {
            var vote = Vote();
            Assert.True(lane.TryEnqueue(vote));
            await vote.Done.WaitAsync(TimeSpan.FromSeconds(5));
            await Task.Delay(20);
        }
        Assert.False(retired);
    }
}
