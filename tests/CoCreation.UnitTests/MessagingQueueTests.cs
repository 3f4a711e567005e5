using System.Diagnostics.Metrics;
using CoCreation.BuildingBlocks.Diagnostics;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.BuildingBlocks.Problems;

namespace CoCreation.UnitTests;

public sealed class MessagingQueueTests
{
    [Fact]
    public void Each_fact_not_yet_known_is_counted_once_with_the_module_of_the_code_that_threw_it()
    {
        var counted = new List<string?>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CoCreationMetrics.MeterName && instrument.Name == CoCreationMetrics.FactsNotYetKnownName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "module" && (string?)tag.Value == "UnitTests")
                    lock (counted) for (var i = 0; i < value; i++) counted.Add((string?)tag.Value);
        });
        listener.Start();

        Assert.Throws<FactNotYetKnown>(() => throw new FactNotYetKnown("Campaign rules not known yet."));
        Assert.Throws<FactNotYetKnown>(() => throw new FactNotYetKnown("Provenance not known yet."));

        Assert.Equal(["UnitTests", "UnitTests"], counted);
    }

    [Fact]
    public void A_module_queue_takes_the_handlers_of_other_modules_contract_messages_but_not_commands_nor_two_handlers_of_one_message()
    {
        var voting = ModuleQueue.ConsumersOfOtherModules(typeof(Voting.Campaigns.CampaignOpenedHandler).Assembly);
        Assert.Contains(typeof(Voting.Campaigns.CampaignOpenedHandler), voting);
        Assert.Contains(typeof(Voting.Ballots.Opening.OpenBallotHandler), voting);
        Assert.DoesNotContain(typeof(Voting.Ballots.Casting.CastVoteHandler), voting);

        // Both handle Moderation's SubjectApproved: on one queue Wolverine would run only one of them.
        var ideation = ModuleQueue.ConsumersOfOtherModules(typeof(Ideation.Integration.TallyHandler).Assembly);
        Assert.Contains(typeof(Ideation.Integration.TallyHandler), ideation);
        Assert.DoesNotContain(typeof(Ideation.Integration.ModerationDecisionHandler), ideation);
        Assert.DoesNotContain(typeof(Ideation.Integration.CommentModerationHandler), ideation);

        // Already stuck to its own queue by attribute.
        Assert.Empty(ModuleQueue.ConsumersOfOtherModules(typeof(Insights.InsightsModule).Assembly));
    }
}
