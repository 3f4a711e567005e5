using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace CoCreation.BuildingBlocks.Ui;

/// <summary>Renders every component the modules registered for this slot, each with the slot's parameters.</summary>
public sealed class Slot : ComponentBase
{
    [Parameter, EditorRequired] public string Name { get; set; } = "";

    [Parameter] public IDictionary<string, object> Parameters { get; set; } = new Dictionary<string, object>();

    [Inject] private IEnumerable<SlotContribution> Contributions { get; set; } = [];

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        foreach (var contribution in Contributions.Where(c => c.Slot == Name).OrderBy(c => c.Order))
        {
            builder.OpenComponent<DynamicComponent>(0);
            builder.SetKey(contribution);
            builder.AddAttribute(1, nameof(DynamicComponent.Type), contribution.Component);
            builder.AddAttribute(2, nameof(DynamicComponent.Parameters), Parameters);
            builder.CloseComponent();
        }
    }
}
