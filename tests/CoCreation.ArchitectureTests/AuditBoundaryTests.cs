namespace CoCreation.ArchitectureTests;

/// <summary>The audit capability asks the modules through BuildingBlocks' interfaces; it references none of them (docs/adr/0021).</summary>
public sealed class AuditBoundaryTests
{
    [Fact]
    public void Audit_references_no_module_and_not_the_host()
    {
        var audit = typeof(CoCreation.Audit.AuditModule).Assembly;
        var references = audit.GetReferencedAssemblies().Select(a => a.Name ?? "").Where(n => n.StartsWith("CoCreation.", StringComparison.Ordinal)).ToList();
        Assert.Equal(["CoCreation.BuildingBlocks"], references);
        Assert.NotEmpty(Modules.Names);
        Assert.All(Modules.Names, module => Assert.DoesNotContain($"CoCreation.{module}", references));
    }
}
