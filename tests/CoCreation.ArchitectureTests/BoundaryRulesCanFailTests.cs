namespace CoCreation.ArchitectureTests;

/// <summary>The boundary checks are only worth something if they catch a violation: shown on known ones.</summary>
public class BoundaryRulesCanFailTests
{
    [Theory]
    [MemberData(nameof(Modules.Each), MemberType = typeof(Modules))]
    public void The_type_check_catches_the_host_using_a_module(string module) =>
        Assert.NotEmpty(BoundaryRules.TypeDependencies(Modules.Host, Modules.Implementation(module)));

    [Theory]
    [MemberData(nameof(Modules.Each), MemberType = typeof(Modules))]
    public void The_namespace_type_check_catches_the_hosts_registration_using_a_module(string module) =>
        Assert.NotEmpty(BoundaryRules.TypeDependencies(Modules.Host, "CoCreation.Host", Modules.Implementation(module)));

    [Fact]
    public void The_project_check_catches_a_reference_to_another_modules_implementation()
    {
        const string csproj = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <ProjectReference Include="../../Ideation/CoCreation.Ideation.Contracts/CoCreation.Ideation.Contracts.csproj" />
                <ProjectReference Include="..\..\Ideation\CoCreation.Ideation\CoCreation.Ideation.csproj" />
                <ProjectReference Include="../../../Host/CoCreation.Host.csproj" />
              </ItemGroup>
            </Project>
            """;
        var forbidden = BoundaryRules.ForbiddenProjectReferences(csproj, "Voting");
        Assert.Equal(["../../Ideation/CoCreation.Ideation/CoCreation.Ideation.csproj", "../../../Host/CoCreation.Host.csproj"], forbidden);
    }
}
