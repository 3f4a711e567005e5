using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using CoCreation.Rewards.Campaigns;
using CoCreation.Rewards.Ideas;
using CoCreation.Rewards.Ledgers;
using CoCreation.Rewards.Ledgers.Paying;
using CoCreation.Rewards.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.Rewards.Sales;

public sealed record SalesRequest([property: Required] string? Period, [property: Required] decimal? NetSales, [property: Required] string? Currency);

public sealed record ReportSales(Guid IdeaId, string Period, decimal NetSales, string Currency, string By, string? Organisation = null);

public sealed record SalesResponse(Guid IdeaId, string Period, decimal NetSales, string Currency, decimal RoyaltyPercent, decimal Royalty, IReadOnlyList<MoneyPart> Parts);

public static partial class ReportSalesHandler
{
    public static ReportSales ToCommand(SalesRequest? request, Guid ideaId, string by, string? organisation)
    {
        new Validation()
            .Require(request?.Period is { } p && PeriodPattern().IsMatch(p), "period", "'period' is required: 1 to 32 letters, digits or - _ . / (for example 2027-Q1).")
            .Require(request?.NetSales is >= 0 and <= 1_000_000_000_000m && decimal.Round(request.NetSales.Value, 2) == request.NetSales.Value,
                "netSales", "'netSales' is an amount from 0 with at most two decimals.")
            .Require(request?.Currency is { } c && CurrencyPattern().IsMatch(c), "currency", "'currency' is a three-letter ISO 4217 code such as EUR.")
            .ThrowIfInvalid();
        return new ReportSales(ideaId, request!.Period!, request.NetSales!.Value, request.Currency!, by, organisation);
    }

    /// <summary>A selected idea's sales period is reported once; the royalty is split by the shares in force.</summary>
    public static SalesReported Decide(IdeaRewardTerms terms, RewardRules rules, ReportSales command, DateTimeOffset now)
    {
        if (!terms.Selected) throw new RuleViolated("idea-not-selected", $"Idea {terms.IdeaId} was not selected; only selected ideas earn royalties.");
        if (terms.Periods.Contains(command.Period))
            throw new RuleViolated("period-already-reported", $"Sales of period '{command.Period}' were already reported for idea {terms.IdeaId}.");
        if (rules.RoyaltyPercent is not { } percent || percent <= 0)
            throw new RuleViolated("no-royalty", "This campaign pays no royalties.");
        var royalty = MoneySplit.Royalty(command.NetSales, percent);
        return new SalesReported(terms.Id, terms.IdeaId, terms.CampaignId, command.Period, command.NetSales, command.Currency, percent, royalty,
            MoneySplit.Split(royalty, terms.PayableShares), command.By, now);
    }

    public static async Task<(SalesResponse, OutgoingMessages)> Handle(ReportSales command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<IdeaRewardTerms>(IdeaRewardTerms.StreamIdFor(command.IdeaId), token);
        var terms = stream.Aggregate ?? throw new NotFound("idea", command.IdeaId);
        var campaign = await session.LoadAsync<CampaignRewardRules>(CampaignRewardRules.StreamIdFor(terms.CampaignId), token)
                       ?? throw new NotFound("idea", command.IdeaId);
        CampaignAccess.EnsureRunBy(campaign.Organisation, command.Organisation, "idea", command.IdeaId);
        var rules = campaign.Rules;
        var reported = Decide(terms, rules, command, clock.GetUtcNow());
        stream.AppendOne(reported);
        var outgoing = new OutgoingMessages();
        foreach (var part in reported.Parts.Where(p => p.Amount > 0))
        {
            var ledger = await session.Events.FetchForWriting<Ledger>(Ledger.StreamIdFor(part.UserId), token);
            LedgerStreams.Append(ledger, ledger.Aggregate, new MoneyCredited(ledger.Id, part.UserId, terms.CampaignId, terms.IdeaId, "royalty",
                part.Amount, reported.Currency, part.SharePercent, $"royalty:{terms.IdeaId}:{reported.Period}:{part.UserId}", reported.Period, reported.ReportedAt));
            outgoing.Add(new MoneyCreditedIntegrationEvent(part.UserId, terms.CampaignId, terms.IdeaId, "royalty", part.Amount, reported.Currency, reported.Period, reported.ReportedAt));
        }
        return (new SalesResponse(terms.IdeaId, reported.Period, reported.NetSales, reported.Currency, reported.RoyaltyPercent, reported.Royalty, reported.Parts), outgoing);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_./-]{1,32}$")]
    private static partial Regex PeriodPattern();

    [GeneratedRegex(@"^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();
}
