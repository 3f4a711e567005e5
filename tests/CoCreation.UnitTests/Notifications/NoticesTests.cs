using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using CoCreation.Moderation.Contracts;
using CoCreation.Notifications.Contracts;
using CoCreation.Notifications.Feed;
using CoCreation.Notifications.Following;
using CoCreation.Notifications.Mail;
using CoCreation.Notifications.Preferences;
using CoCreation.Voting.Contracts;
using Microsoft.Extensions.Options;

namespace CoCreation.UnitTests.Notifications;

public class NoticesTests
{
    private static readonly DateTimeOffset Now = new(2027, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Idea = Guid.NewGuid();

    private static IdeaFollowers Followers() => IdeaFollowers.Create(new FollowedIdeaNoted(Idea, Guid.NewGuid(), "Lamp", ["ana"], "ana", Now))
        .Apply(new FollowedIdeaSupportersNoted(Idea, ["bo", "cy"], [], Now))
        .Apply(new FollowedIdeaCommentNoted(Idea, Guid.NewGuid(), "cy", Now))
        .Apply(new FollowedIdeaCommentNoted(Idea, Guid.NewGuid(), "dee", Now));

    [Fact]
    public void A_status_change_reaches_authors_supporters_and_commenters_once_each_but_not_who_made_it()
    {
        var notices = Notices.Of(new IdeaStatusChangedIntegrationEvent(Idea, Guid.NewGuid(), "Selected", "Next spring.", "bo", Now, ["ana", "eve"]), Followers());

        Assert.Equal(["ana", "eve", "cy", "dee"], notices.Select(n => n.MemberId));
        Assert.DoesNotContain(notices, n => n.MemberId == "bo");
        Assert.All(notices, n => Assert.Equal("Selected: Next spring.", n.Detail));
        Assert.Equal(notices.Count, notices.Select(n => n.ToEvent().NotificationId).Distinct().Count());
    }

    [Fact]
    public void An_idea_leaving_public_view_is_told_to_its_authors_only()
    {
        var hidden = Notices.Of(new IdeaStatusChangedIntegrationEvent(Idea, Guid.NewGuid(), "Hidden", "Copied from a catalogue.", "mod", Now, ["ana"]), Followers());
        Assert.Equal(["ana"], hidden.Select(n => n.MemberId));
    }

    [Fact]
    public void A_resubmission_tells_nobody_and_the_same_fact_twice_is_the_same_notification()
    {
        Assert.Empty(Notices.Of(new IdeaStatusChangedIntegrationEvent(Idea, Guid.NewGuid(), "Submitted", null, "ana", Now, ["ana"]), Followers()));
        var change = new IdeaStatusChangedIntegrationEvent(Idea, Guid.NewGuid(), "Published", null, "mod", Now, ["ana"]);
        Assert.Equal(Notices.Of(change, Followers()).Select(n => n.ToEvent().NotificationId), Notices.Of(change, Followers()).Select(n => n.ToEvent().NotificationId));
    }

    [Fact]
    public void A_reply_reaches_the_answered_author_unless_they_answer_themselves()
    {
        var comment = Guid.NewGuid();
        Assert.Equal("cy", Notices.Of(new CommentPostedIntegrationEvent(comment, Idea, Guid.NewGuid(), "Yes.", "dee", Now, Guid.NewGuid(), "cy")).Single().MemberId);
        Assert.Empty(Notices.Of(new CommentPostedIntegrationEvent(comment, Idea, Guid.NewGuid(), "Me again.", "cy", Now, Guid.NewGuid(), "cy")));
        Assert.Empty(Notices.Of(new CommentPostedIntegrationEvent(comment, Idea, Guid.NewGuid(), "Top level.", "cy", Now)));
    }

    [Fact]
    public void A_moderation_decision_reaches_the_comments_writer_or_the_ideas_authors()
    {
        var comment = Guid.NewGuid();
        var onComment = Notices.OfDecision(Guid.NewGuid(), SubjectTypes.Comment, comment, "Hidden", "spam", "mod", Now, null, new CommentAuthor(comment, Idea, "dee"));
        Assert.Equal(("dee", (Guid?)Idea), (onComment.Single().MemberId, onComment.Single().IdeaId));
        var onIdea = Notices.OfDecision(Guid.NewGuid(), SubjectTypes.Idea, Idea, "Rejected", null, "mod", Now, Followers(), null);
        Assert.Equal("ana", onIdea.Single().MemberId);
    }

    [Fact]
    public void A_group_of_votes_adds_and_removes_supporters_by_each_voters_last_action()
    {
        var changes = SupporterChanges.Of([
            new VoteRecorded(Guid.NewGuid(), Idea, "bo", VoteActions.Cast, null, Now),
            new VoteRecorded(Guid.NewGuid(), Idea, "cy", VoteActions.Cast, null, Now),
            new VoteRecorded(Guid.NewGuid(), Idea, "cy", VoteActions.Retracted, null, Now)]);
        Assert.Equal(["bo"], changes[Idea].Added);
        Assert.Equal(["cy"], changes[Idea].Removed);
        var after = Followers().Apply(new FollowedIdeaSupportersNoted(Idea, changes[Idea].Added, changes[Idea].Removed, Now));
        Assert.Equal(["bo"], after.Supporters);
        // cy no longer supports it but commented on it: still told of its changes.
        Assert.Equal(["ana", "bo", "cy", "dee"], after.Everyone.Order());
    }

    [Fact]
    public void Preferences_name_known_kinds_and_deliveries_and_a_real_address()
    {
        var set = PreferencesRules.Decide(new PreferencesRequest(" ana@example.org ", new() { [NotificationKinds.Reply] = Deliveries.Email }), "ana", Now);
        var preferences = NotificationPreferencesProjection.Create(set);
        Assert.True(preferences.Emails(NotificationKinds.Reply));
        Assert.False(preferences.Emails(NotificationKinds.Milestone));
        Assert.Throws<ValidationFailed>(() => PreferencesRules.Decide(new PreferencesRequest("ana at example", null), "ana", Now));
        Assert.Throws<ValidationFailed>(() => PreferencesRules.Decide(new PreferencesRequest(null, new() { ["gossip"] = Deliveries.Email }), "ana", Now));
        Assert.Throws<ValidationFailed>(() => PreferencesRules.Decide(new PreferencesRequest(null, new() { [NotificationKinds.Reply] = "pigeon" }), "ana", Now));
        Assert.False(NotificationPreferencesProjection.Create(PreferencesRules.Decide(new PreferencesRequest(null, new() { [NotificationKinds.Reply] = Deliveries.Email }), "ana", Now))
            .Emails(NotificationKinds.Reply));
    }

    [Fact]
    public void An_unsubscribe_token_is_the_members_own_and_needs_the_key()
    {
        var links = new UnsubscribeLinks(Options.Create(new MailSettings { UnsubscribeKey = "a-key-long-enough-for-hmac", PublicBaseUrl = "https://co.example/" }));
        var token = links.TokenFor("ana");
        Assert.True(links.Verifies("ana", token));
        Assert.False(links.Verifies("bo", token));
        Assert.False(links.Verifies("ana", token[..^1] + (token[^1] == '0' ? '1' : '0')));
        Assert.StartsWith("https://co.example/notifications/unsubscribe?member=ana&token=", links.LinkFor("ana"));
        Assert.Throws<InvalidOperationException>(() => new UnsubscribeLinks(Options.Create(new MailSettings())).TokenFor("ana"));
        Assert.False(new UnsubscribeLinks(Options.Create(new MailSettings())).Verifies("ana", token));
    }
}
