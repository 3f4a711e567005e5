using System.Reflection;
using CoCreation.BuildingBlocks.Modules;

namespace CoCreation.ArchitectureTests;

/// <summary>The modules under test, found by name so a new module is covered without editing the tests.</summary>
public static class Modules
{
    /// <summary>Every folder under src/Modules that holds a CoCreation.&lt;Module&gt; project.</summary>
    public static readonly string[] Names = Directory.GetDirectories(Path.Combine(RepositoryRoot(), "src", "Modules"))
        .Select(Path.GetFileName).OfType<string>()
        .Where(m => File.Exists(Path.Combine(RepositoryRoot(), "src", "Modules", m, $"CoCreation.{m}", $"CoCreation.{m}.csproj")))
        .Order(StringComparer.Ordinal).ToArray();

    public static Assembly Implementation(string module) => Assembly.Load($"CoCreation.{module}");

    public static Assembly Contracts(string module) => Assembly.Load($"CoCreation.{module}.Contracts");

    public static Assembly Host => typeof(CoCreation.Host.CoCreationHost).Assembly;

    public static Assembly BuildingBlocks => typeof(ModuleName).Assembly;

    public static IEnumerable<object[]> Each() => Names.Select(n => new object[] { n });

    public static IEnumerable<object[]> Pairs() =>
        from a in Names from b in Names where a != b select new object[] { a, b };

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CoCreation.Modular.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CoCreation.Modular.sln not found above the test folder.");
    }
}
