using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace CoCreation.BuildingBlocks.Ui;

/// <summary>
/// One export among the brand page's downloads: its name, then a CSV and a JSON link (the cookie twins of
/// <c>/api/campaigns/{id}/exports/{kind}.{format}</c>) whose accessible names say what they fetch.
/// </summary>
public sealed class ExportLinks : ComponentBase
{
    [Parameter, EditorRequired] public Guid CampaignId { get; set; }

    /// <summary>The route's kind: ideas, comments, votes, moderation, rewards.</summary>
    [Parameter, EditorRequired] public string Kind { get; set; } = "";

    /// <summary>What the export holds, in the reader's language.</summary>
    [Parameter, EditorRequired] public string Label { get; set; } = "";

    [Parameter, EditorRequired] public string CsvLabel { get; set; } = "";

    [Parameter, EditorRequired] public string JsonLabel { get; set; } = "";

    /// <summary>The links' address without its extension; by default the brand's export, <c>/campaigns/{id}/exports/{kind}</c>.</summary>
    [Parameter] public string? Base { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", "export");
        builder.AddAttribute(2, "data-testid", $"export-{Kind}");
        builder.AddContent(3, $"{Label} (");
        Link(builder, 4, "csv", CsvLabel, "CSV");
        builder.AddContent(5, ", ");
        Link(builder, 6, "json", JsonLabel, "JSON");
        builder.AddContent(7, ") ");
        builder.CloseElement();
    }

    private void Link(RenderTreeBuilder builder, int sequence, string format, string label, string text)
    {
        builder.OpenRegion(sequence);
        builder.OpenElement(0, "a");
        builder.AddAttribute(1, "href", $"{Base ?? $"/campaigns/{CampaignId}/exports/{Kind}"}.{format}");
        builder.AddAttribute(2, "download", true);
        builder.AddAttribute(3, "aria-label", label);
        builder.AddContent(4, text);
        builder.CloseElement();
        builder.CloseRegion();
    }
}
