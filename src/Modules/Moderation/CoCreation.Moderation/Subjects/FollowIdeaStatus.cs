using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using Marten;

namespace CoCreation.Moderation.Subjects;

/// <summary>Whether an idea is public is Ideation's to say: flags are taken only on what members can see.</summary>
public static class FollowIdeaStatusHandler
{
    public static async Task Handle(IdeaStatusChangedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<ModeratedSubject>(ModeratedSubject.StreamIdFor(message.IdeaId), token);
        if (stream.Aggregate is not { } subject) return;
        var isPublic = IdeaStatuses.IsPublic(message.Status);
        if (subject.Public == isPublic) return;
        stream.AppendOne(new SubjectStatusNoted(subject.Id, subject.SubjectId, subject.CampaignId, message.Status, isPublic, message.ChangedAt));
    }

    public static async Task Handle(IdeaCoAuthorJoinedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<ModeratedSubject>(ModeratedSubject.StreamIdFor(message.IdeaId), token);
        // The idea's subject is recorded from its submission, on another queue: wait for it rather than lose the co-author.
        var subject = stream.Aggregate ?? throw new FactNotYetKnown($"Moderation has not recorded idea {message.IdeaId} yet.");
        if (subject.Authors.SequenceEqual(message.Authors)) return;
        stream.AppendOne(new SubjectAuthorsNoted(subject.Id, subject.SubjectId, subject.CampaignId, message.Authors, message.JoinedAt));
    }
}
