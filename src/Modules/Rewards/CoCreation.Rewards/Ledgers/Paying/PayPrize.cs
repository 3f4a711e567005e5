using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Contracts;
using CoCreation.Rewards.Campaigns;
using CoCreation.Rewards.Ideas;
using CoCreation.Rewards.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.Rewards.Ledgers.Paying;

/// <summary>Selection pays the campaign's prize once per idea, split by the ownership shares Rewards holds at that moment; each part keyed by idea and owner.</summary>
public static class PayPrizeHandler
{
    public static async Task<OutgoingMessages> Handle(IdeaSelectedIntegrationEvent message, IDocumentSession session, CancellationToken token)
    {
        var outgoing = new OutgoingMessages();
        var termsStream = await session.Events.FetchForWriting<IdeaRewardTerms>(IdeaRewardTerms.StreamIdFor(message.IdeaId), token);
        var selection = new IdeaSelectionNoted(termsStream.Id, message.IdeaId, message.CampaignId, message.Authors, message.SelectedAt);
        var terms = termsStream.Aggregate;
        if (terms is not { Selected: true })
        {
            termsStream.AppendOne(selection);
            terms = terms?.Apply(selection) ?? IdeaRewardTerms.Create(selection);
        }
        var rules = (await session.LoadAsync<CampaignRewardRules>(CampaignRewardRules.StreamIdFor(message.CampaignId), token))?.Rules
                    ?? throw new FactNotYetKnown($"Reward rules of campaign {message.CampaignId} are not known yet; the message will be retried.");
        if (rules.Prize is not { Amount: > 0 } prize || terms.PrizePaid) return outgoing;
        var parts = MoneySplit.Split(prize.Amount, terms.PayableShares);
        termsStream.AppendOne(new PrizePaid(termsStream.Id, message.IdeaId, message.CampaignId, prize.Amount, prize.Currency, parts, message.SelectedAt));
        foreach (var part in parts)
        {
            var cause = $"prize:{message.IdeaId}:{part.UserId}";
            var ledger = await session.Events.FetchForWriting<Ledger>(Ledger.StreamIdFor(part.UserId), token);
            if (ledger.Aggregate?.Holds(cause) == true || part.Amount == 0) continue;
            LedgerStreams.Append(ledger, ledger.Aggregate, new MoneyCredited(ledger.Id, part.UserId, message.CampaignId, message.IdeaId, "prize",
                part.Amount, prize.Currency, part.SharePercent, cause, null, message.SelectedAt));
            outgoing.Add(new MoneyCreditedIntegrationEvent(part.UserId, message.CampaignId, message.IdeaId, "prize", part.Amount, prize.Currency, null, message.SelectedAt));
        }
        return outgoing;
    }
}
