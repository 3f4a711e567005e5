using CoCreation.BuildingBlocks.Problems;
using CoCreation.Moderation.Appeals;
using CoCreation.Moderation.Bans;
using CoCreation.Moderation.Flags;
using CoCreation.Moderation.Queue;
using CoCreation.Moderation.Queue.Deciding;
using CoCreation.Moderation.Screening;
using CoCreation.Moderation.Subjects;

namespace CoCreation.UnitTests;

public class ModerationDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private static readonly ScreeningOptions Options = new();

    [Theory]
    [InlineData("This is a SCAM, clearly", "scam")]
    [InlineData("Un vrai scàm déguisé", "scam")]
    [InlineData("Join the crypto   giveaway today", "crypto giveaway")]
    [InlineData("Ask the Ferrari-builder club", "ferrari builder")]
    public void Banned_terms_match_whole_words_ignoring_case_and_accents(string text, string term)
    {
        var finding = Assert.Single(Screener.BannedTerms(text, [term]));
        Assert.Equal("banned-term", finding.Kind);
    }

    [Theory]
    [InlineData("A scampi restaurant by the harbour", "scam")]
    [InlineData("Crypto is not a giveaway", "crypto giveaway")]
    public void Banned_terms_do_not_match_inside_other_words_or_out_of_order(string text, string term) =>
        Assert.Empty(Screener.BannedTerms(text, [term]));

    [Fact]
    public void Link_spam_counts_links_and_names_blocked_hosts_and_clear_cut_spam_is_marked()
    {
        var four = "see https://a.example/1 http://b.example/2 www.c.example/3 and https://d.example/4";
        var result = Screener.Screen(four, [], [], Options);
        Assert.Equal("link-spam", Assert.Single(result.Findings).Kind);
        Assert.False(result.ClearCutSpam);

        var blocked = Screener.Screen("Bricks at https://shop.cheap-bricks.example/deal", [], [], Options);
        Assert.Equal("blocked-host", Assert.Single(blocked.Findings).Kind);
        Assert.True(blocked.ClearCutSpam);

        var flood = Screener.Screen(string.Join(" ", Enumerable.Range(0, 7).Select(i => $"https://x{i}.example")), [], [], Options);
        Assert.True(flood.ClearCutSpam);
        Assert.False(Screener.Screen(string.Join(" ", Enumerable.Range(0, 7).Select(i => $"https://x{i}.example")), [], [],
            new ScreeningOptions { AutoRejectSpam = false }).ClearCutSpam);
        Assert.Empty(Screener.Screen("No links, just bricks.", [], [], Options).Findings);
    }

    [Fact]
    public void A_near_duplicate_names_the_most_similar_earlier_idea_above_the_threshold()
    {
        var original = new DuplicateCandidate(Guid.NewGuid(), "A lighthouse with a rotating lamp and a keeper's cottage on a rocky island", Now.AddDays(-3));
        var other = new DuplicateCandidate(Guid.NewGuid(), "A container ship with cranes and a pilot boat", Now.AddDays(-2));
        var copy = "A LIGHTHOUSE with a rotating lamp and a keeper's cottage on a rocky islet";
        var finding = Screener.NearestDuplicate(copy, [other, original], Options)!;
        Assert.Equal(original.IdeaId, finding.OriginalId);
        Assert.InRange(finding.Score!.Value, 0.6, 1.0);
        Assert.Null(Screener.NearestDuplicate("A fire station with a ladder truck", [other, original], Options));
        Assert.Null(Screener.NearestDuplicate(copy, [original], new ScreeningOptions { DuplicateThreshold = 0.95 }));
        Assert.Equal(1.0, Screener.Jaccard(Screener.Shingles("Café au lait", 3), Screener.Shingles("cafe AU lait!", 3)));
    }

    private static ModeratedSubject Subject(bool isPublic = true) =>
        ModeratedSubject.Create(new SubjectRecorded(Guid.NewGuid(), "comment", Guid.NewGuid(), Guid.NewGuid(), ["alice"], "Nice set", 1, Now)) with { Public = isPublic };

    [Fact]
    public void Flags_count_once_per_member_never_from_the_author_and_hide_at_the_threshold()
    {
        var subject = Subject();
        FlagSubject Flag(string by) => new("comment", subject.SubjectId, "rude", by);
        subject = subject.Apply((SubjectFlagged)Assert.Single(FlagSubjectHandler.Decide(subject, 2, Flag("bob"), Now)));
        Assert.Equal("already-flagged", Assert.Throws<RuleViolated>(() => FlagSubjectHandler.Decide(subject, 2, Flag("bob"), Now)).Rule);
        Assert.Equal("own-subject", Assert.Throws<RuleViolated>(() => FlagSubjectHandler.Decide(subject, 2, Flag("alice"), Now)).Rule);
        var events = FlagSubjectHandler.Decide(subject, 2, Flag("carol"), Now);
        var hidden = Assert.IsType<SubjectHiddenByFlags>(events[1]);
        Assert.Equal(2, hidden.Flags);
        subject = subject.Apply((SubjectFlagged)events[0]).Apply(hidden);
        // Hidden: for a member it does not exist; a moderator is told why it cannot be flagged.
        Assert.Throws<NotFound>(() => FlagSubjectHandler.Decide(subject, 2, Flag("dan"), Now));
        Assert.Equal("subject-not-public", Assert.Throws<RuleViolated>(() =>
            FlagSubjectHandler.Decide(subject, 2, new FlagSubject("comment", subject.SubjectId, "rude", "mia", SeesNonPublic: true), Now)).Rule);

        // A moderator approves it: flags count again from zero.
        subject = subject.Apply(new SubjectModerated(subject.Id, subject.SubjectId, subject.CampaignId, hidden.ItemId, ModerationDecision.Approve, Now));
        Assert.Equal(0, subject.ActiveFlags);
        Assert.Single(FlagSubjectHandler.Decide(subject, 2, Flag("dan"), Now));
        Assert.Throws<NotFound>(() => FlagSubjectHandler.Decide(subject, 2, new FlagSubject("idea", subject.SubjectId, "x", "erin"), Now));
    }

    private static ModerationItem Item() =>
        ModerationItem.Create(new ModerationItemQueued(Guid.NewGuid(), Guid.NewGuid(), "idea", Guid.NewGuid(), 1, "alice", "new-idea", [], Now));

    private static DecideModerationItem Decision(ModerationItem item, ModerationDecision decision) =>
        DecideModerationItemHandler.ToCommand(new DecisionRequest(decision, decision == ModerationDecision.Approve ? null : "spam", null), item.Id, "mod");

    [Fact]
    public void An_author_appeals_a_rejection_once_and_the_decision_on_appeal_is_final()
    {
        var item = Item();
        Assert.Equal("not-appealable", Assert.Throws<RuleViolated>(() =>
            AppealDecisionHandler.Decide(item, ["alice"], new AppealDecision(item.Id, "Please look again", "alice"), Now)).Rule);
        item = item.Apply(DecideModerationItemHandler.Decide(item, Decision(item, ModerationDecision.Reject), Now));
        Assert.Equal("not-your-subject", Assert.Throws<Forbidden>(() =>
            AppealDecisionHandler.Decide(item, ["alice"], new AppealDecision(item.Id, "Mine!", "mallory"), Now)).Rule);
        item = item.Apply(AppealDecisionHandler.Decide(item, ["alice"], new AppealDecision(item.Id, "It is not spam", "alice"), Now));
        Assert.Equal((ModerationItemStatus.Pending, true), (item.Status, item.Appealed));
        Assert.Equal("already-appealed", Assert.Throws<RuleViolated>(() =>
            AppealDecisionHandler.Decide(item, ["alice"], new AppealDecision(item.Id, "Twice", "alice"), Now)).Rule);

        var final = DecideModerationItemHandler.Decide(item, Decision(item, ModerationDecision.Hide), Now);
        Assert.True(final.Final);
        item = item.Apply(final);
        Assert.Equal("decision-final", Assert.Throws<RuleViolated>(() => DecideModerationItemHandler.Decide(item, Decision(item, ModerationDecision.Approve), Now)).Rule);
        Assert.Equal("decision-final", Assert.Throws<RuleViolated>(() =>
            AppealDecisionHandler.Decide(item, ["alice"], new AppealDecision(item.Id, "Again", "alice"), Now)).Rule);
        Assert.Throws<ValidationFailed>(() => DecideModerationItemHandler.ToCommand(new DecisionRequest((ModerationDecision)3, null, null), item.Id, "mod"));
    }

    [Fact]
    public void A_first_decision_is_not_final_and_an_approved_item_cannot_be_decided_again()
    {
        var item = Item();
        var approved = DecideModerationItemHandler.Decide(item, Decision(item, ModerationDecision.Approve), Now);
        Assert.False(approved.Final);
        item = item.Apply(approved);
        Assert.Equal("already-decided", Assert.Throws<RuleViolated>(() => DecideModerationItemHandler.Decide(item, Decision(item, ModerationDecision.Reject), Now)).Rule);
        Assert.Throws<ValidationFailed>(() => DecideModerationItemHandler.ToCommand(new DecisionRequest(ModerationDecision.Hide, "rude", null), item.Id, "mod"));
    }

    [Fact]
    public void A_member_is_banned_once_and_not_by_themselves()
    {
        var ban = BanMemberHandler.Decide(null, new BanMember("mallory", "vote rings", "mod"), Now);
        Assert.Equal("mallory", ban.MemberId);
        Assert.Equal("already-banned", Assert.Throws<RuleViolated>(() =>
            BanMemberHandler.Decide(MemberBan.Create(ban), new BanMember("mallory", "again", "mod"), Now)).Rule);
        Assert.Equal("self-ban", Assert.Throws<RuleViolated>(() => BanMemberHandler.Decide(null, new BanMember("mod", "oops", "mod"), Now)).Rule);
        Assert.Throws<ValidationFailed>(() => BanMemberHandler.ToCommand(new BanRequest("mallory", ""), "mod"));
    }
}
