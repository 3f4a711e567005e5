using CoCreation.Ideation.Contracts;
using CoCreation.Voting.Ballots.Recording;
using Wolverine;

namespace CoCreation.Voting.Ballots.Merging;

/// <summary>Moves the standing votes of idea <see cref="From"/> to <see cref="Into"/>; run by the campaign's writer.</summary>
public sealed record MoveSupport(Guid MergeId, Guid From, Guid Into);

/// <summary>Undoes merge <see cref="MergeId"/>: the votes it moved or released count for <see cref="IdeaId"/> again; run by the campaign's writer.</summary>
public sealed record RestoreSupport(Guid MergeId, Guid IdeaId, Guid From, DateTimeOffset MergedAt, string RestoredStatus);

/// <summary>A vote a merge took from the merged idea: moved to the target, or released because its voter supported both.</summary>
public sealed record MergedVote(string Voter, Guid VoteId, int? Score, bool Released, DateTimeOffset? CastAt);

public static class MergeSupportHandler
{
    public static Task Handle(IdeaMergedIntegrationEvent message, VoteWriter writer, Envelope envelope, CancellationToken token) =>
        writer.RecordIn(message.CampaignId, new MoveSupport(message.MergeId, message.IdeaId, message.IntoIdeaId), message.MergedBy, EventOrigin.Of(envelope), token);

    public static Task Handle(IdeaUnmergedIntegrationEvent message, VoteWriter writer, Envelope envelope, CancellationToken token) =>
        writer.RecordIn(message.CampaignId, new RestoreSupport(message.MergeId, message.IdeaId, message.FromIdeaId, message.MergedAt, message.RestoredStatus),
            message.UnmergedBy, EventOrigin.Of(envelope), token);
}
