namespace CoCreation.Voting.Ballots.Recording;

/// <summary>A vote change (IdeaId empty when it spans the campaign) waiting for its campaign's next group commit; completes with the idea's supporters once committed.</summary>
public sealed class PendingVote(object command, Guid ideaId, string voter, EventOrigin origin)
{
    private readonly TaskCompletionSource<int> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public object Command { get; } = command;
    public Guid IdeaId { get; } = ideaId;
    public string Voter { get; } = voter;
    public EventOrigin Origin { get; } = origin;
    public Task<int> Done => _done.Task;

    public void Committed(int supporters) => _done.TrySetResult(supporters);
    public void Refused(Exception problem) => _done.TrySetException(problem);
}
