using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace CoCreation.BuildingBlocks.Ui;

/// <summary>An SVG &lt;text&gt; element for the modules' charts: Razor takes a literal &lt;text&gt; tag for its own markup-less block.</summary>
public sealed class ChartLabel : ComponentBase
{
    [Parameter] public string X { get; set; } = "0";
    [Parameter] public string Y { get; set; } = "0";
    [Parameter] public string Anchor { get; set; } = "start";
    [Parameter] public string Class { get; set; } = "label";
    [Parameter] public bool Middle { get; set; }
    [Parameter] public string Text { get; set; } = "";
    /// <summary>A font size for a chart that does not size its labels in CSS.</summary>
    [Parameter] public string? FontSize { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "class", Class);
        builder.AddAttribute(2, "x", X);
        builder.AddAttribute(3, "y", Y);
        builder.AddAttribute(4, "text-anchor", Anchor);
        if (Middle) builder.AddAttribute(5, "dominant-baseline", "middle");
        if (FontSize is not null) builder.AddAttribute(6, "font-size", FontSize);
        builder.AddContent(7, Text);
        builder.CloseElement();
    }
}
