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
        var sequence = 0;
        foreach (var contribution in Contributions.Where(c => c.Slot == Name).OrderBy(c => c.Order))
        {
            builder.OpenComponent<DynamicComponent>(sequence++);
            builder.AddAttribute(sequence++, nameof(DynamicComponent.Type), contribution.Component);
            builder.AddAttribute(sequence++, nameof(DynamicComponent.Parameters), Parameters);
            builder.CloseComponent();
        }
    }
}
