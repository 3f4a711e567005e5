using CoCreation.BuildingBlocks.Modules;
using Microsoft.AspNetCore.Routing;

namespace CoCreation.IntellectualProperty;

/// <summary>Agreements, ownership, disputes and provenance routes arrive with the IntellectualProperty issue.</summary>
public sealed class IntellectualPropertyEndpoints : IModuleEndpoints
{
    public void Map(IEndpointRouteBuilder routes)
    {
    }
}
