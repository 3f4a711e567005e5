using System.ComponentModel.DataAnnotations;
using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Moderation.Campaigns;
using CoCreation.Moderation.Contracts;
using CoCreation.Moderation.Queue;
using CoCreation.Moderation.Queue.Deciding;
using CoCreation.Moderation.Subjects;
using Marten;
using Wolverine;

namespace CoCreation.Moderation.Flags;

public sealed record FlagRequest([property: Required] string? Reason);

/// <summary>SeesNonPublic: a moderator or legal, told the subject is not public rather than that it does not exist.</summary>
public sealed record FlagSubject(string SubjectType, Guid SubjectId, string Reason, string By, bool SeesNonPublic = false);

public sealed record FlagResponse(Guid SubjectId, int Flags, bool Hidden);

public static class FlagSubjectHandler
{
    public static FlagSubject ToCommand(FlagRequest? request, string subjectType, Guid subjectId, Viewer by)
    {
        new Validation().Length(request?.Reason, "reason", 1, 500).ThrowIfInvalid();
        return new FlagSubject(subjectType, subjectId, request!.Reason!.Trim(), by.Id!, by.Is(Roles.Moderator) || by.Is(Roles.Legal));
    }

    /// <summary>
    /// One flag per member on a public subject that is not their own; the flag that reaches the campaign's
    /// threshold hides the subject and queues it for a moderator.
    /// </summary>
    /// <param name="parent">A comment's idea, as Moderation knows it: a comment of an idea out of view is out of view too.</param>
    public static IReadOnlyList<object> Decide(ModeratedSubject subject, int flagsToHide, FlagSubject command, DateTimeOffset now, ModeratedSubject? parent = null)
    {
        if (subject.SubjectType != command.SubjectType) throw new NotFound(command.SubjectType, command.SubjectId);
        var insider = command.SeesNonPublic || subject.Authors.Contains(command.By) || parent?.Authors.Contains(command.By) == true;
        if (!subject.PublicWith(parent) && !insider) throw new NotFound(command.SubjectType, command.SubjectId);
        if (!subject.PublicWith(parent))
            throw new RuleViolated("subject-not-public", $"This {subject.SubjectType} is not public, so it cannot be flagged.");
        if (subject.Authors.Contains(command.By))
            throw new RuleViolated("own-subject", "Members cannot flag their own ideas or comments.");
        if (subject.Flaggers.Contains(command.By))
            throw new RuleViolated("already-flagged", $"Member '{command.By}' has already flagged this {subject.SubjectType}.");
        if (!subject.Public)
            throw new RuleViolated("subject-not-public", $"This {subject.SubjectType} is not public, so it cannot be flagged.");
        var flagged = new SubjectFlagged(subject.Id, subject.SubjectId, subject.CampaignId, command.By, command.Reason, now);
        var after = subject.Apply(flagged);
        if (after.ActiveFlags < flagsToHide) return [flagged];
        var itemId = ModerationItem.IdFor(subject.SubjectId, $"flags-{after.Flaggers.Count}");
        return [flagged, new SubjectHiddenByFlags(subject.Id, subject.SubjectId, subject.CampaignId, after.ActiveFlags, itemId, now)];
    }

    public static async Task<(FlagResponse, OutgoingMessages)> Handle(FlagSubject command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<ModeratedSubject>(ModeratedSubject.StreamIdFor(command.SubjectId), token);
        var subject = stream.Aggregate ?? throw new NotFound(command.SubjectType, command.SubjectId);
        var rules = await session.LoadAsync<CampaignModerationRules>(CampaignModerationRules.StreamIdFor(subject.CampaignId), token);
        var parent = subject.ParentId is { } parentId ? await session.LoadAsync<ModeratedSubject>(ModeratedSubject.StreamIdFor(parentId), token) : null;
        var events = Decide(subject, rules?.FlagsToHide ?? 3, command, clock.GetUtcNow(), parent);
        stream.AppendMany(events);
        var after = events.Aggregate(subject, (s, e) => e switch
        {
            SubjectFlagged f => s.Apply(f),
            SubjectHiddenByFlags h => s.Apply(h),
            _ => s
        });
        var flaggedFact = new SubjectFlaggedIntegrationEvent(subject.SubjectType, subject.SubjectId, subject.CampaignId, command.By, events.OfType<SubjectFlagged>().Single().FlaggedAt);
        if (events.OfType<SubjectHiddenByFlags>().SingleOrDefault() is not { } hidden)
            return (new FlagResponse(subject.SubjectId, after.ActiveFlags, false), [flaggedFact]);

        // Hidden until a moderator decides: a queue item for it, and Ideation hides it.
        var queued = new ModerationItemQueued(hidden.ItemId, subject.CampaignId, subject.SubjectType, subject.SubjectId, subject.Revision,
            subject.Authors.FirstOrDefault() ?? "", "flagged", [new Queue.ScreeningFinding("flags", $"{hidden.Flags} members flagged it.")], hidden.HiddenAt);
        session.Events.StartStream<ModerationItem>(hidden.ItemId, queued);
        return (new FlagResponse(subject.SubjectId, after.ActiveFlags, true),
            [flaggedFact, new SubjectHiddenIntegrationEvent(hidden.ItemId, subject.SubjectType, subject.SubjectId, "flagged",
                $"Hidden after {hidden.Flags} flags, until a moderator decides.", "community", hidden.HiddenAt, CampaignId: subject.CampaignId)]);
    }
}
