namespace CoCreation.Voting.Ballots.Recording;

/// <summary>A committed change: the idea's supporters after it, and the global sequence number of a cast's event (its receipt).</summary>
public readonly record struct VoteCommitted(int Supporters, long? Seq);

/// <summary>A vote change (IdeaId empty when it spans the campaign) waiting for its campaign's next group commit; completes with the idea's supporters once committed.</summary>
public sealed class PendingVote(object command, Guid ideaId, string voter, EventOrigin origin)
{
    private readonly TaskCompletionSource<VoteCommitted> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public object Command { get; } = command;
    public Guid IdeaId { get; } = ideaId;
    public string Voter { get; } = voter;
    public EventOrigin Origin { get; } = origin;
    public Task<VoteCommitted> Done => _done.Task;

    public void Committed(int supporters, long? seq) => _done.TrySetResult(new VoteCommitted(supporters, seq));
    public void Refused(Exception problem) => _done.TrySetException(problem);
}
