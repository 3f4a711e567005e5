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

        Assert.Throws<FactNotYetKnown>(() => Throw("Campaign rules not known yet."));
        Assert.Throws<FactNotYetKnown>(() => Throw("Provenance not known yet."));

        Assert.Equal(["UnitTests", "UnitTests"], counted);
        static void Throw(string detail) => throw new FactNotYetKnown(detail);
    }

    [Fact]
    public void A_module_queue_takes_the_handlers_of_other_modules_contract_messages_but_not_commands_nor_two_handlers_of_one_message()
    {
        var voting = ModuleQueue.ConsumersOfOtherModules(typeof(CoCreation.Voting.Campaigns.CampaignOpenedHandler).Assembly);
        Assert.Contains(typeof(CoCreation.Voting.Campaigns.CampaignOpenedHandler), voting);
        Assert.Contains(typeof(CoCreation.Voting.Ballots.Opening.OpenBallotHandler), voting);
        Assert.DoesNotContain(typeof(CoCreation.Voting.Ballots.Casting.CastVoteHandler), voting);

        // Both handle Moderation's SubjectApproved: on one queue Wolverine would run only one of them.
        var ideation = ModuleQueue.ConsumersOfOtherModules(typeof(CoCreation.Ideation.Integration.TallyHandler).Assembly);
        Assert.Contains(typeof(CoCreation.Ideation.Integration.TallyHandler), ideation);
        Assert.DoesNotContain(typeof(CoCreation.Ideation.Integration.ModerationDecisionHandler), ideation);
        Assert.DoesNotContain(typeof(CoCreation.Ideation.Integration.CommentModerationHandler), ideation);

        // Already stuck to its own queue by attribute.
        Assert.Empty(ModuleQueue.ConsumersOfOtherModules(typeof(CoCreation.Insights.InsightsModule).Assembly));
    }
}
