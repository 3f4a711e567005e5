using CoCreation.Insights.Observing;
using Marten.Events.Aggregation;

namespace CoCreation.Insights.Activity;

public sealed record FlagFact(string SubjectType, Guid SubjectId, DateTimeOffset At);

public sealed record DecisionFact(Guid ItemId, string SubjectType, Guid SubjectId, string Decision, string? ReasonCode, DateTimeOffset? QueuedAt, DateTimeOffset DecidedAt, bool OnAppeal);

public sealed record AppealFact(Guid ItemId, Guid SubjectId, DateTimeOffset At);

public sealed record MoneyFact(string Kind, decimal Amount, string Currency, DateTimeOffset At);

/// <summary>A campaign as Insights saw it, besides its ideas and members: its rules, flags, moderation and rewards.</summary>
public sealed class CampaignFacts
{
    public Guid Id { get; set; }
    public Guid CampaignId { get; set; }
    public string Title { get; set; } = "";
    public string? Organisation { get; set; }
    public int Milestones { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public List<FlagFact> Flags { get; set; } = [];
    public List<DecisionFact> Decisions { get; set; } = [];
    public List<AppealFact> Appeals { get; set; } = [];
    /// <summary>Points granted per UTC day ("yyyy-MM-dd").</summary>
    public SortedDictionary<string, long> PointsByDay { get; set; } = [];
    public List<MoneyFact> Money { get; set; } = [];
    /// <summary>What the campaign's pledge raised, accrual by accrual (Kind "donation").</summary>
    public List<MoneyFact> Donations { get; set; } = [];
}

public sealed class CampaignFactsProjection : SingleStreamProjection<CampaignFacts, Guid>
{
    public void Apply(CampaignFacts c, CampaignOpenedNoted e)
    {
        c.CampaignId = e.CampaignId;
        (c.Title, c.Organisation, c.Milestones, c.OpenedAt) = (e.Title, e.Organisation, e.Milestones, e.OpenedAt);
    }

    public void Apply(CampaignFacts c, CampaignClosedNoted e) => (c.CampaignId, c.ClosedAt) = (e.CampaignId, e.ClosedAt);

    public void Apply(CampaignFacts c, FlagNoted e)
    {
        c.CampaignId = e.CampaignId;
        c.Flags.Add(new FlagFact(e.SubjectType, e.SubjectId, e.FlaggedAt));
    }

    public void Apply(CampaignFacts c, ModerationDecisionNoted e)
    {
        c.CampaignId = e.CampaignId;
        c.Decisions.Add(new DecisionFact(e.ItemId, e.SubjectType, e.SubjectId, e.Decision, e.ReasonCode, e.QueuedAt, e.DecidedAt, e.OnAppeal));
    }

    public void Apply(CampaignFacts c, AppealNoted e)
    {
        c.CampaignId = e.CampaignId;
        c.Appeals.Add(new AppealFact(e.ItemId, e.SubjectId, e.AppealedAt));
    }

    public void Apply(CampaignFacts c, PointsNoted e)
    {
        c.CampaignId = e.CampaignId;
        var day = MemberActivity.DayOf(e.GrantedAt);
        c.PointsByDay[day] = c.PointsByDay.GetValueOrDefault(day) + e.Points;
    }

    public void Apply(CampaignFacts c, MoneyNoted e)
    {
        c.CampaignId = e.CampaignId;
        c.Money.Add(new MoneyFact(e.Kind, e.Amount, e.Currency, e.CreditedAt));
    }

    public void Apply(CampaignFacts c, DonationNoted e)
    {
        c.CampaignId = e.CampaignId;
        c.Donations.Add(new MoneyFact("donation", e.Amount, e.Currency, e.At));
    }
}
