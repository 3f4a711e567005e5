using CoCreation.Insights.Activity;
using CoCreation.Insights.Figures;

namespace CoCreation.UnitTests.Insights;

/// <summary>A small campaign built by hand, whose figures can be worked out on paper: ideas, members' day counts, moderation and money.</summary>
internal sealed class InsightsScenario
{
    public static readonly Guid CampaignId = Guid.Parse("6d0a8a52-5c1e-4f3a-9a57-2f4c1b1e0001");
    private static readonly Guid OtherCampaignId = Guid.Parse("6d0a8a52-5c1e-4f3a-9a57-2f4c1b1e0002");

    public CampaignFacts Campaign { get; } = new()
    {
        Id = CampaignId, CampaignId = CampaignId, Title = "Greener streets", Organisation = "acme", Milestones = 2,
        OpenedAt = At(11, 20)
    };

    public List<IdeaJourney> Ideas { get; } = [];
    private readonly Dictionary<string, MemberActivity> members = [];
    private readonly Dictionary<string, MemberActivity> elsewhere = [];

    public InsightInputs Inputs => new(Campaign, Ideas, [.. members.Values], [.. elsewhere.Values]);

    /// <summary>A moment of 2026 (UTC, noon unless told).</summary>
    public static DateTimeOffset At(int month, int day, int hour = 12, int minute = 0, int second = 0) =>
        new(2026, month, day, hour, minute, second, TimeSpan.Zero);

    public static DateOnly Day(int month, int day) => new(2026, month, day);

    public static Period Between(int fromMonth, int fromDay, int toMonth, int toDay) => new(Day(fromMonth, fromDay), Day(toMonth, toDay));

    /// <summary>An idea that reached each stage at the moment given, in its current status.</summary>
    public IdeaJourney Idea(string status, params (string Stage, DateTimeOffset At)[] reached) =>
        Idea(status, "An idea", "", [], 0, reached);

    public IdeaJourney Idea(string status, string title, string description, string[] tags, int supporters, params (string Stage, DateTimeOffset At)[] reached)
    {
        var id = Guid.NewGuid();
        var idea = new IdeaJourney
        {
            Id = id, IdeaId = id, CampaignId = CampaignId, SubmittedBy = "alice", Authors = ["alice"], Revision = 1,
            Title = title, Description = description, Tags = [.. tags], Status = status, Supporters = supporters,
            Reached = reached.ToDictionary(r => r.Stage, r => r.At)
        };
        Ideas.Add(idea);
        return idea;
    }

    /// <summary>What the member did in this campaign on that day (set its counts).</summary>
    public DayCounts On(string member, DateOnly day) => Counts(members, CampaignId, member, day);

    /// <summary>What the member did in another campaign on that day.</summary>
    public DayCounts Elsewhere(string member, DateOnly day) => Counts(elsewhere, OtherCampaignId, member, day);

    private static DayCounts Counts(Dictionary<string, MemberActivity> into, Guid campaign, string member, DateOnly day)
    {
        if (!into.TryGetValue(member, out var activity)) into[member] = activity = new MemberActivity();
        return activity.On(campaign, member, new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
    }

    public DecisionFact Decide(Guid subjectId, string decision, string? reason, DateTimeOffset? queuedAt, DateTimeOffset decidedAt,
        bool onAppeal = false, Guid? itemId = null, string subjectType = "idea")
    {
        var fact = new DecisionFact(itemId ?? Guid.NewGuid(), subjectType, subjectId, decision, reason, queuedAt, decidedAt, onAppeal);
        Campaign.Decisions.Add(fact);
        return fact;
    }

    public void Flag(DateTimeOffset at, string subjectType = "idea") => Campaign.Flags.Add(new FlagFact(subjectType, Guid.NewGuid(), at));

    public void Appeal(Guid itemId, DateTimeOffset at) => Campaign.Appeals.Add(new AppealFact(itemId, Guid.NewGuid(), at));

    public void Pay(string kind, decimal amount, string currency, DateTimeOffset at) => Campaign.Money.Add(new MoneyFact(kind, amount, currency, at));
}
