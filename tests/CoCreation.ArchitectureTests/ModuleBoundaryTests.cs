namespace CoCreation.ArchitectureTests;

public class ModuleBoundaryTests
{
    [Theory]
    [MemberData(nameof(Modules.Pairs), MemberType = typeof(Modules))]
    public void A_module_does_not_use_another_modules_implementation(string module, string other)
    {
        var offenders = BoundaryRules.TypeDependencies(Modules.Implementation(module), Modules.Implementation(other));
        Assert.True(offenders.Count == 0, $"{module} uses {other}'s internals in: {string.Join(", ", offenders)}");
    }

    [Theory]
    [MemberData(nameof(Modules.Each), MemberType = typeof(Modules))]
    public void A_module_does_not_use_the_host(string module)
    {
        var offenders = BoundaryRules.TypeDependencies(Modules.Implementation(module), Modules.Host);
        Assert.True(offenders.Count == 0, $"{module} uses the host in: {string.Join(", ", offenders)}");
    }

    [Theory]
    [MemberData(nameof(Modules.Pairs), MemberType = typeof(Modules))]
    public void A_module_assembly_references_no_other_module_implementation(string module, string other)
    {
        var references = Modules.Implementation(module).GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.DoesNotContain($"CoCreation.{other}", references);
        Assert.DoesNotContain("CoCreation.Host", references);
    }

    [Theory]
    [MemberData(nameof(Modules.Each), MemberType = typeof(Modules))]
    public void A_module_project_references_only_contracts_of_other_modules(string module)
    {
        var root = Modules.RepositoryRoot();
        var projects = Directory.GetFiles(Path.Combine(root, "src", "Modules", module), "*.csproj", SearchOption.AllDirectories);
        Assert.NotEmpty(projects);
        foreach (var project in projects)
        {
            var forbidden = BoundaryRules.ForbiddenProjectReferences(File.ReadAllText(project), module);
            Assert.True(forbidden.Count == 0, $"{Path.GetFileName(project)} references {string.Join(", ", forbidden)}");
        }
    }

    [Theory]
    [MemberData(nameof(Modules.Each), MemberType = typeof(Modules))]
    public void Contracts_reference_nothing_but_the_base_class_library(string module)
    {
        var references = Modules.Contracts(module).GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var foreign = references.Where(r => !(r.StartsWith("System", StringComparison.Ordinal) || r is "netstandard" or "mscorlib")).ToList();
        Assert.True(foreign.Count == 0, $"CoCreation.{module}.Contracts references {string.Join(", ", foreign)}");
    }

    [Theory]
    [MemberData(nameof(Modules.Each), MemberType = typeof(Modules))]
    public void Building_blocks_know_no_module(string module)
    {
        Assert.Empty(BoundaryRules.TypeDependencies(Modules.BuildingBlocks, Modules.Implementation(module)));
        Assert.Empty(BoundaryRules.TypeDependencies(Modules.BuildingBlocks, Modules.Contracts(module)));
    }
}
