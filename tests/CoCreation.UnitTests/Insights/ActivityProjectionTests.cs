using CoCreation.Insights.Activity;
using CoCreation.Insights.Observing;
using static CoCreation.UnitTests.Insights.InsightsScenario;

namespace CoCreation.UnitTests.Insights;

/// <summary>The projections' Apply methods called on new documents, as Marten would in order; no database.</summary>
public class ActivityProjectionTests
{
    private static readonly Guid Campaign = InsightsScenario.CampaignId;
    private static readonly Guid IdeaId = Guid.Parse("0f1d2c3b-4a59-4687-9a8b-7c6d5e4f3a21");

    private static IdeaSubmissionNoted Submission(int revision, string by, string title, DateTimeOffset at) =>
        new(IdeaId, Campaign, revision, by, ["alice", "bob"], title, $"{title}, described", ["energy"], at);

    [Fact]
    public void An_idea_s_journey_keeps_the_first_time_it_reached_each_stage_and_its_latest_words_and_status()
    {
        var projection = new IdeaJourneyProjection();
        var j = new IdeaJourney();

        projection.Apply(j, Submission(1, "alice", "Solar shelters", At(11, 2)));
        projection.Apply(j, new IdeaStatusNoted(IdeaId, Campaign, "Rejected", At(11, 3)));
        projection.Apply(j, Submission(2, "bob", "Solar bus shelters", At(11, 4)));
        projection.Apply(j, new IdeaStatusNoted(IdeaId, Campaign, "Submitted", At(11, 4)));
        projection.Apply(j, new IdeaStatusNoted(IdeaId, Campaign, "Published", At(11, 5)));
        projection.Apply(j, new IdeaStatusNoted(IdeaId, Campaign, "Hidden", At(11, 6)));
        projection.Apply(j, new IdeaStatusNoted(IdeaId, Campaign, "Published", At(11, 7)));

        Assert.Equal((IdeaId, Campaign), (j.IdeaId, j.CampaignId));
        Assert.Equal(new Dictionary<string, DateTimeOffset>
        {
            ["Submitted"] = At(11, 2), ["Rejected"] = At(11, 3), ["Published"] = At(11, 5), ["Hidden"] = At(11, 6)
        }, j.Reached);
        Assert.Equal("Published", j.Status);
        // The revision's words and authors; the submitter is who submitted the first revision.
        Assert.Equal(("alice", 2, "Solar bus shelters", "Solar bus shelters, described"), (j.SubmittedBy, j.Revision, j.Title, j.Description));
        Assert.Equal(["energy"], j.Tags);
        Assert.Equal(["alice", "bob"], j.Authors);
    }

    [Fact]
    public void A_revision_sets_the_status_back_to_submitted()
    {
        var projection = new IdeaJourneyProjection();
        var j = new IdeaJourney();
        projection.Apply(j, Submission(1, "alice", "Solar shelters", At(11, 2)));
        projection.Apply(j, new IdeaStatusNoted(IdeaId, Campaign, "Rejected", At(11, 3)));

        projection.Apply(j, Submission(2, "alice", "Solar bus shelters", At(11, 4)));

        Assert.Equal("Submitted", j.Status);
        Assert.Equal(At(11, 2), j.Reached["Submitted"]);
    }

    [Fact]
    public void Milestones_are_stages_named_from_one_reached_once()
    {
        var projection = new IdeaJourneyProjection();
        var j = new IdeaJourney();

        projection.Apply(j, new IdeaMilestoneNoted(IdeaId, Campaign, 0, false, 10, At(11, 5)));
        projection.Apply(j, new IdeaMilestoneNoted(IdeaId, Campaign, 1, true, 30, At(11, 9)));
        projection.Apply(j, new IdeaMilestoneNoted(IdeaId, Campaign, 0, false, 10, At(11, 12)));

        Assert.Equal(new Dictionary<string, DateTimeOffset> { ["Milestone1"] = At(11, 5), ["Milestone2"] = At(11, 9) }, j.Reached);
        Assert.Equal("Milestone3", IdeaJourney.MilestoneStage(2));
    }

    [Fact]
    public void Supporters_come_from_the_latest_tally_and_an_older_tally_arriving_late_is_ignored()
    {
        var projection = new IdeaJourneyProjection();
        var j = new IdeaJourney();
        NotedVote[] cast = [new(Guid.NewGuid(), "Cast", At(11, 5))];

        projection.Apply(j, new VotesNoted(IdeaId, Campaign, "carol", cast, 3, 5));
        projection.Apply(j, new VotesNoted(IdeaId, Campaign, "dave", cast, 1, 3));
        Assert.Equal((3, 5L), (j.Supporters, j.TallyVersion));

        projection.Apply(j, new VotesNoted(IdeaId, Campaign, "erin", cast, 4, 7));
        Assert.Equal((4, 7L), (j.Supporters, j.TallyVersion));
        projection.Apply(j, new VotesNoted(IdeaId, Campaign, "erin", cast, 2, 7));
        Assert.Equal((2, 7L), (j.Supporters, j.TallyVersion));
    }

    [Fact]
    public void Co_authors_are_added_once_and_comments_counted()
    {
        var projection = new IdeaJourneyProjection();
        var j = new IdeaJourney();
        projection.Apply(j, Submission(1, "alice", "Solar shelters", At(11, 2)));

        projection.Apply(j, new CoAuthorNoted(IdeaId, Campaign, "carol", At(11, 3)));
        projection.Apply(j, new CoAuthorNoted(IdeaId, Campaign, "carol", At(11, 4)));
        projection.Apply(j, new CommentNoted(IdeaId, Campaign, Guid.NewGuid(), "dave", At(11, 4)));
        projection.Apply(j, new CommentNoted(IdeaId, Campaign, Guid.NewGuid(), "erin", At(11, 5)));

        Assert.Equal(["alice", "bob", "carol"], j.Authors);
        Assert.Equal(2, j.Comments);
    }

    [Fact]
    public void A_member_s_day_counts_a_first_submission_as_an_idea_and_a_later_one_as_a_revision()
    {
        var projection = new MemberActivityProjection();
        var m = new MemberActivity();

        projection.Apply(m, Submission(1, "alice", "Solar shelters", At(11, 2, 9)));
        projection.Apply(m, Submission(2, "alice", "Solar bus shelters", At(11, 2, 18)));
        projection.Apply(m, Submission(3, "alice", "Solar bus shelters!", At(11, 3)));

        Assert.Equal(($"{Campaign}:alice", Campaign, "alice"), (m.Id, m.CampaignId, m.MemberId));
        Assert.Equal(["2026-11-02", "2026-11-03"], m.Days.Keys);
        Assert.Equal((1, 1, 2), (m.Days["2026-11-02"].Ideas, m.Days["2026-11-02"].Revisions, m.Days["2026-11-02"].Actions));
        Assert.Equal((0, 1), (m.Days["2026-11-03"].Ideas, m.Days["2026-11-03"].Revisions));
    }

    [Fact]
    public void Votes_are_counted_by_action_on_their_own_UTC_days()
    {
        var projection = new MemberActivityProjection();
        var m = new MemberActivity();

        projection.Apply(m, new VotesNoted(IdeaId, Campaign, "carol",
        [
            new(Guid.NewGuid(), "Cast", At(11, 5, 8)),
            new(Guid.NewGuid(), "Retracted", At(11, 5, 9)),
            new(Guid.NewGuid(), "Cast", new DateTimeOffset(2026, 11, 5, 22, 0, 0, TimeSpan.FromHours(-3))), // 6 November, 01:00 UTC
            new(Guid.NewGuid(), "Discounted", At(11, 6, 10)),
        ], 1, 4));

        Assert.Equal($"{Campaign}:carol", m.Id);
        var fifth = m.Days["2026-11-05"];
        var sixth = m.Days["2026-11-06"];
        Assert.Equal((1, 1, 0), (fifth.VotesCast, fifth.VotesRetracted, fifth.VotesDiscounted));
        Assert.Equal((1, 0, 1), (sixth.VotesCast, sixth.VotesRetracted, sixth.VotesDiscounted));
        // A discount is done to the member, not by them.
        Assert.Equal((2, 1), (fifth.Actions, sixth.Actions));
    }

    [Fact]
    public void Co_authoring_comments_and_flags_are_a_member_s_actions_of_their_day()
    {
        var projection = new MemberActivityProjection();
        var m = new MemberActivity();

        projection.Apply(m, new CoAuthorNoted(IdeaId, Campaign, "dave", At(11, 7)));
        projection.Apply(m, new CommentNoted(IdeaId, Campaign, Guid.NewGuid(), "dave", At(11, 7, 13)));
        projection.Apply(m, new CommentNoted(IdeaId, Campaign, Guid.NewGuid(), "dave", At(11, 7, 14)));
        projection.Apply(m, new FlagNoted(Campaign, "comment", Guid.NewGuid(), "dave", At(11, 8)));

        Assert.Equal((1, 2, 0, 3), (m.Days["2026-11-07"].CoAuthored, m.Days["2026-11-07"].Comments, m.Days["2026-11-07"].Flags, m.Days["2026-11-07"].Actions));
        Assert.Equal((1, 1), (m.Days["2026-11-08"].Flags, m.Days["2026-11-08"].Actions));
        Assert.Equal("dave", m.MemberId);
    }

    [Fact]
    public void Campaign_facts_keep_its_rules_flags_decisions_appeals_money_and_points_summed_per_UTC_day()
    {
        var projection = new CampaignFactsProjection();
        var c = new CampaignFacts();
        var item = Guid.NewGuid();
        var subject = Guid.NewGuid();

        projection.Apply(c, new CampaignOpenedNoted(Campaign, "Greener streets", "acme", 3, At(11, 1)));
        projection.Apply(c, new FlagNoted(Campaign, "idea", subject, "erin", At(11, 2)));
        projection.Apply(c, new ModerationDecisionNoted(item, Campaign, "idea", subject, "Reject", "spam", At(11, 2, 10), At(11, 2, 11), false));
        projection.Apply(c, new AppealNoted(item, Campaign, "idea", subject, At(11, 3)));
        projection.Apply(c, new PointsNoted(Campaign, "alice", 10, At(11, 4, 1)));
        projection.Apply(c, new PointsNoted(Campaign, "bob", 5, At(11, 4, 23)));
        projection.Apply(c, new PointsNoted(Campaign, "bob", 7, new DateTimeOffset(2026, 11, 4, 20, 0, 0, TimeSpan.FromHours(-5)))); // 5 November UTC
        projection.Apply(c, new MoneyNoted(Campaign, subject, "alice", "prize", 100m, "EUR", At(11, 6)));
        projection.Apply(c, new CampaignClosedNoted(Campaign, At(11, 30)));

        Assert.Equal((Campaign, "Greener streets", "acme", 3), (c.CampaignId, c.Title, c.Organisation, c.Milestones));
        Assert.Equal((At(11, 1), At(11, 30)), (c.OpenedAt!.Value, c.ClosedAt!.Value));
        Assert.Equal([new FlagFact("idea", subject, At(11, 2))], c.Flags);
        Assert.Equal([new DecisionFact(item, "idea", subject, "Reject", "spam", At(11, 2, 10), At(11, 2, 11), false)], c.Decisions);
        Assert.Equal([new AppealFact(item, subject, At(11, 3))], c.Appeals);
        Assert.Equal(new SortedDictionary<string, long> { ["2026-11-04"] = 15, ["2026-11-05"] = 7 }, c.PointsByDay);
        Assert.Equal([new MoneyFact("prize", 100m, "EUR", At(11, 6))], c.Money);
    }
}
