using Microsoft.AspNetCore.Routing;

namespace CoCreation.BuildingBlocks.Modules;

/// <summary>
/// A module's HTTP routes. Registered by the module's Add&lt;Module&gt;Module() call, mapped by the host,
/// so adding a module never means editing the host's route table.
/// </summary>
public interface IModuleEndpoints
{
    void Map(IEndpointRouteBuilder routes);
}
