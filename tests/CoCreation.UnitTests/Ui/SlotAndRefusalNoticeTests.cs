using System.Globalization;
using Bunit;
using CoCreation.BuildingBlocks.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.UnitTests.Ui;

/// <summary>BuildingBlocks' page parts without a browser: a slot shows what the modules registered for it, in order, with
/// the slot's parameters; a refusal notice says the rule's sentence in the reader's language.</summary>
public sealed class SlotAndRefusalNoticeTests : BunitContext
{
    public sealed class Part : ComponentBase
    {
        [Parameter] public Guid IdeaId { get; set; }
        [Parameter] public string Label { get; set; } = "";

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddMarkupContent(0, $"<p class=\"part\">{IdeaId:N}</p>");
    }

    public sealed class OtherPart : ComponentBase
    {
        [Parameter] public Guid IdeaId { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddMarkupContent(0, "<p class=\"other\">other</p>");
    }

    [Fact]
    public void A_slot_renders_its_contributions_in_order_with_its_parameters_and_nothing_of_other_slots()
    {
        Services.AddSingleton(new SlotContribution(UiSlots.IdeaSupport, typeof(Part), Order: 20));
        Services.AddSingleton(new SlotContribution(UiSlots.IdeaSupport, typeof(OtherPart), Order: 10));
        Services.AddSingleton(new SlotContribution(UiSlots.IdeaActions, typeof(Part)));
        var idea = Guid.NewGuid();

        var slot = Render<Slot>(p => p.Add(s => s.Name, UiSlots.IdeaSupport).Add(s => s.Parameters, new Dictionary<string, object> { ["IdeaId"] = idea }));

        var rendered = slot.FindAll("p").Select(e => e.ClassName).ToList();
        Assert.Equal(["other", "part"], rendered);
        Assert.Equal(idea.ToString("N"), slot.Find("p.part").TextContent);
    }

    [Fact]
    public void A_refusal_notice_says_the_rule_in_the_readers_language_and_nothing_without_a_rule()
    {
        Services.AddLocalization();
        Services.AddSingleton(new RefusalSentences(new Dictionary<string, string> { ["duplicate-vote"] = "You already support this idea." },
            "Voting", typeof(CoCreation.Voting.VotingText)));
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
            Assert.Equal("You already support this idea.", Render<RefusalNotice>(p => p.Add(n => n.Rule, "duplicate-vote")).Find("p[role=alert]").TextContent);
            Assert.Equal(RefusalSentences.Fallback, Render<RefusalNotice>(p => p.Add(n => n.Rule, "no-such-rule")).Find("p").TextContent);
            Assert.Empty(Render<RefusalNotice>().Markup.Trim());

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
            var french = Render<RefusalNotice>(p => p.Add(n => n.Rule, "duplicate-vote")).Find("p").TextContent;
            Assert.NotEqual("You already support this idea.", french);
            Assert.Contains("idée", french);
            Assert.Equal("Cela n’a pas pu être fait.", Render<RefusalNotice>(p => p.Add(n => n.Rule, "no-such-rule")).Find("p").TextContent);
        }
        finally { CultureInfo.CurrentUICulture = culture; }
    }
}
