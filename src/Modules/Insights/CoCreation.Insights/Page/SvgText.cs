using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace CoCreation.Insights.Page;

/// <summary>An SVG &lt;text&gt; element: Razor reads &lt;text&gt; inside code as its own tag, so charts write labels through this.</summary>
public sealed class SvgText : ComponentBase
{
    [Parameter] public string X { get; set; } = "0";
    [Parameter] public string Y { get; set; } = "0";
    [Parameter] public string? Anchor { get; set; }
    [Parameter] public bool Middle { get; set; }
    [Parameter] public string Text { get; set; } = "";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "text");
        builder.AddAttribute(1, "x", X);
        builder.AddAttribute(2, "y", Y);
        builder.AddAttribute(3, "font-size", "13");
        if (Anchor is not null) builder.AddAttribute(4, "text-anchor", Anchor);
        if (Middle) builder.AddAttribute(5, "dominant-baseline", "middle");
        builder.AddContent(6, Text);
        builder.CloseElement();
    }
}
