using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.Localization;

namespace CoCreation.BuildingBlocks.Ui;

/// <summary>The alert a page shows after a refused form: the rule's sentence in the reader's language, nothing without a rule.</summary>
public sealed class RefusalNotice : ComponentBase
{
    [Parameter] public string? Rule { get; set; }

    /// <summary>The module whose sentence wins when several register the rule.</summary>
    [Parameter] public string? Module { get; set; }

    [Inject] private IEnumerable<RefusalSentences> Sentences { get; set; } = [];
    [Inject] private IStringLocalizerFactory Localizers { get; set; } = default!;

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (string.IsNullOrEmpty(Rule)) return;
        builder.OpenElement(0, "p");
        builder.AddAttribute(1, "class", "notice");
        builder.AddAttribute(2, "role", "alert");
        builder.AddContent(3, RefusalSentences.For(Sentences, Rule, Module, Localizers));
        builder.CloseElement();
    }
}
