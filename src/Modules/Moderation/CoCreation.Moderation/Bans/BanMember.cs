using CoCreation.BuildingBlocks.Privacy;
using System.ComponentModel.DataAnnotations;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Moderation.Contracts;
using CoCreation.Moderation.Queue;
using CoCreation.Moderation.Queue.Deciding;
using CoCreation.Moderation.Queue.GettingQueue;
using CoCreation.Moderation.Subjects;
using Marten;
using Wolverine;

namespace CoCreation.Moderation.Bans;

public sealed record BanRequest([property: Required] string? UserId, [property: Required] string? Reason);

public sealed record BanMember(string MemberId, string Reason, string By);

public sealed record MemberBanned(Guid BanId, string MemberId, [NotMemberWritten("the moderator's ban reason, written by staff in their role (moderator, brand, legal), not a member's personal words")] string Reason, string BannedBy, DateTimeOffset BannedAt);

public sealed record MemberBan(Guid Id, string MemberId, string Reason, string BannedBy, DateTimeOffset BannedAt)
{
    public static Guid StreamIdFor(string memberId) => StreamIds.Derive("moderation-ban", memberId);

    public static MemberBan Create(MemberBanned e) => new(e.BanId, e.MemberId, e.Reason, e.BannedBy, e.BannedAt);
}

public sealed record BanResponse(string UserId, int PendingItemsHidden);

public static class BanMemberHandler
{
    public static BanMember ToCommand(BanRequest? request, string by)
    {
        new Validation()
            .Length(request?.UserId, "userId", 1, 64)
            .Length(request?.Reason, "reason", 1, 500)
            .ThrowIfInvalid();
        return new BanMember(request!.UserId!.Trim(), request.Reason!.Trim(), by);
    }

    public static MemberBanned Decide(MemberBan? existing, BanMember command, DateTimeOffset now)
    {
        if (existing is not null) throw new RuleViolated("already-banned", $"Member '{command.MemberId}' is already banned.");
        if (command.MemberId == command.By) throw new RuleViolated("self-ban", "Moderators cannot ban themselves.");
        return new MemberBanned(MemberBan.StreamIdFor(command.MemberId), command.MemberId, command.Reason, command.By, now);
    }

    /// <summary>
    /// Records the ban, hides what of the member still waits in the queue (so an approval cannot publish it later),
    /// and tells Voting (discount their votes) and Ideation (hide their pending ideas).
    /// </summary>
    public static async Task<(BanResponse, OutgoingMessages)> Handle(BanMember command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<MemberBan>(MemberBan.StreamIdFor(command.MemberId), token);
        var banned = Decide(stream.Aggregate, command, clock.GetUtcNow());
        stream.AppendOne(banned);

        var outgoing = new OutgoingMessages();
        var authored = await session.Query<ModeratedSubject>().Where(s => s.Authors.Contains(command.MemberId)).Select(s => s.SubjectId).ToListAsync(token);
        var pending = await session.Query<QueueEntry>()
            .Where(e => e.Status == ModerationItemStatus.Pending && (e.Author == command.MemberId || e.SubjectId.IsOneOf(authored.ToArray()))).ToListAsync(token);
        foreach (var entry in pending)
        {
            var item = await session.Events.FetchForWriting<ModerationItem>(entry.Id, token);
            if (item.Aggregate is not { Status: ModerationItemStatus.Pending } current) continue;
            var hidden = new ModerationItemDecided(current.Id, current.CampaignId, ModerationDecision.Hide, "other",
                $"Author banned: {command.Reason}", command.By, banned.BannedAt, current.SubjectId, Final: true);
            item.AppendOne(hidden);
            session.Events.Append(ModeratedSubject.StreamIdFor(current.SubjectId),
                new SubjectModerated(ModeratedSubject.StreamIdFor(current.SubjectId), current.SubjectId, current.CampaignId, current.Id, ModerationDecision.Hide, banned.BannedAt));
            outgoing.Add(DecisionMessages.For(current, hidden));
        }
        outgoing.Add(new MemberBannedIntegrationEvent(command.MemberId, command.Reason, command.By, banned.BannedAt));
        return (new BanResponse(command.MemberId, pending.Count), outgoing);
    }
}
