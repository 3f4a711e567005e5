using CoCreation.Ideation.Contracts;
using CoCreation.Moderation.Contracts;
using CoCreation.Notifications.Following;
using CoCreation.Notifications.Mail;
using CoCreation.Notifications.Preferences;
using CoCreation.Rewards.Contracts;
using CoCreation.Voting.Contracts;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

namespace CoCreation.Notifications.Feed;

/// <summary>Turns the other modules' messages into notifications in each member's stream, and e-mails those who asked for it.</summary>
public static class NotifyHandler
{
    public static async Task<OutgoingMessages> Handle(IdeaStatusChangedIntegrationEvent message, IDocumentSession session, IOptions<MailSettings> mail, CancellationToken token) =>
        await Tell(session, mail.Value, Notices.Of(message, await session.LoadAsync<IdeaFollowers>(IdeaFollowers.StreamIdFor(message.IdeaId), token)), token);

    public static async Task<OutgoingMessages> Handle(IdeaMergedIntegrationEvent message, IDocumentSession session, IOptions<MailSettings> mail, CancellationToken token) =>
        await Tell(session, mail.Value, Notices.Of(message, await session.LoadAsync<IdeaFollowers>(IdeaFollowers.StreamIdFor(message.IdeaId), token)), token);

    public static Task<OutgoingMessages> Handle(IdeaUnmergedIntegrationEvent message, IDocumentSession session, IOptions<MailSettings> mail, CancellationToken token) =>
        Tell(session, mail.Value, Notices.Of(message), token);

    public static Task<OutgoingMessages> Handle(CoAuthorInvitedIntegrationEvent message, IDocumentSession session, IOptions<MailSettings> mail, CancellationToken token) =>
        Tell(session, mail.Value, Notices.Of(message), token);

    public static Task<OutgoingMessages> Handle(MilestoneReachedIntegrationEvent message, IDocumentSession session, IOptions<MailSettings> mail, CancellationToken token) =>
        Tell(session, mail.Value, Notices.Of(message), token);

    public static Task<OutgoingMessages> Handle(MoneyCreditedIntegrationEvent message, IDocumentSession session, IOptions<MailSettings> mail, CancellationToken token) =>
        Tell(session, mail.Value, Notices.Of(message), token);

    public static Task<OutgoingMessages> Handle(CommentPostedIntegrationEvent message, IDocumentSession session, IOptions<MailSettings> mail, CancellationToken token) =>
        Tell(session, mail.Value, Notices.Of(message), token);

    public static async Task<OutgoingMessages> Handle(SubjectRejectedIntegrationEvent m, IDocumentSession session, IOptions<MailSettings> mail, CancellationToken token) =>
        await Tell(session, mail.Value, Notices.OfDecision(m.ModerationItemId, m.SubjectType, m.SubjectId, "Rejected", m.Note ?? m.ReasonCode, m.DecidedBy, m.DecidedAt,
            await Idea(session, m.SubjectType, m.SubjectId, token), await Comment(session, m.SubjectType, m.SubjectId, token)), token);

    public static async Task<OutgoingMessages> Handle(SubjectHiddenIntegrationEvent m, IDocumentSession session, IOptions<MailSettings> mail, CancellationToken token) =>
        await Tell(session, mail.Value, Notices.OfDecision(m.ModerationItemId, m.SubjectType, m.SubjectId, "Hidden", m.Note ?? m.ReasonCode, m.DecidedBy, m.DecidedAt,
            await Idea(session, m.SubjectType, m.SubjectId, token), await Comment(session, m.SubjectType, m.SubjectId, token)), token);

    private static async Task<IdeaFollowers?> Idea(IDocumentSession session, string type, Guid id, CancellationToken token) =>
        type == SubjectTypes.Idea ? await session.LoadAsync<IdeaFollowers>(IdeaFollowers.StreamIdFor(id), token) : null;

    private static async Task<CommentAuthor?> Comment(IDocumentSession session, string type, Guid id, CancellationToken token) =>
        type == SubjectTypes.Comment ? await session.LoadAsync<CommentAuthor>(id, token) : null;

    private static async Task<OutgoingMessages> Tell(IDocumentSession session, MailSettings mail, IReadOnlyList<Notice> notices, CancellationToken token)
    {
        var outgoing = new OutgoingMessages();
        if (notices.Count == 0) return outgoing;
        var events = notices.Select(n => n.ToEvent()).ToList();
        var known = (await session.LoadManyAsync<NotificationView>(token, events.Select(e => e.NotificationId).ToArray())).Select(v => v.Id).ToHashSet();
        var fresh = events.Where(e => !known.Contains(e.NotificationId)).DistinctBy(e => e.NotificationId).ToList();
        if (fresh.Count == 0) return outgoing;
        var preferences = (await session.LoadManyAsync<NotificationPreferences>(token,
            fresh.Select(e => NotificationPreferences.StreamIdFor(e.MemberId)).Distinct().ToArray())).ToDictionary(p => p.MemberId);
        foreach (var notified in fresh)
        {
            session.Events.Append(NotificationStreams.For(notified.MemberId), notified);
            if (mail.Enabled && preferences.GetValueOrDefault(notified.MemberId)?.Emails(notified.Kind) == true)
                outgoing.Add(new SendNotificationMail(notified.NotificationId, notified.MemberId));
        }
        return outgoing;
    }
}
