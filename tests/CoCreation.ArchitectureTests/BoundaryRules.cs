using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace CoCreation.ArchitectureTests;

/// <summary>The checks themselves, kept apart from the tests so they can be shown to fail on a known violation.</summary>
public static partial class BoundaryRules
{
    /// <summary>Types of <paramref name="subject"/> that use any type of <paramref name="forbidden"/>.</summary>
    public static IReadOnlyList<string> TypeDependencies(Assembly subject, Assembly forbidden)
    {
        var forbiddenTypes = forbidden.GetTypes()
            .Where(t => t.FullName is not null && !t.FullName.Contains('<') && !GeneratedInEveryAssembly(t))
            .Select(t => t.FullName!.Replace('+', '/'))
            .ToArray();
        var result = Types.InAssembly(subject).ShouldNot().HaveDependencyOnAny(forbiddenTypes).GetResult();
        return result.IsSuccessful ? [] : result.FailingTypeNames?.ToList() ?? ["(unnamed type)"];
    }

    /// <summary>Types of <paramref name="subject"/> in namespace <paramref name="inNamespace"/> (or below it) that use any type of <paramref name="forbidden"/>.</summary>
    public static IReadOnlyList<string> TypeDependencies(Assembly subject, string inNamespace, Assembly forbidden)
    {
        var forbiddenTypes = forbidden.GetTypes()
            .Where(t => t.FullName is not null && !t.FullName.Contains('<') && !GeneratedInEveryAssembly(t))
            .Select(t => t.FullName!.Replace('+', '/'))
            .ToArray();
        var result = Types.InAssembly(subject).That().ResideInNamespace(inNamespace).ShouldNot().HaveDependencyOnAny(forbiddenTypes).GetResult();
        return result.IsSuccessful ? [] : result.FailingTypeNames?.ToList() ?? ["(unnamed type)"];
    }

    /// <summary>
    /// A type a package's source generator writes into each assembly that uses it, under the same name (CsvHelper's
    /// record registrations): NetArchTest matches types by name, so another module's copy would look like a dependency.
    /// </summary>
    private static bool GeneratedInEveryAssembly(Type type) => type.Namespace == "CsvHelper.Generated";

    /// <summary>ProjectReference paths of a .csproj that point to another module's implementation or to the host.</summary>
    public static IReadOnlyList<string> ForbiddenProjectReferences(string csprojText, string ownModule)
    {
        var forbidden = new List<string>();
        foreach (Match m in ProjectReference().Matches(csprojText))
        {
            var path = m.Groups[1].Value.Replace('\\', '/');
            var file = Path.GetFileNameWithoutExtension(path);
            if (file == "CoCreation.Host") forbidden.Add(path);
            else if (file.StartsWith("CoCreation.", StringComparison.Ordinal) && !file.EndsWith(".Contracts", StringComparison.Ordinal)
                     && file != "CoCreation.BuildingBlocks" && file != $"CoCreation.{ownModule}")
                forbidden.Add(path);
        }
        return forbidden;
    }

    [GeneratedRegex("<ProjectReference\\s+Include=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ProjectReference();
}
