using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CoCreation.BuildingBlocks.Ui;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.ArchitectureTests;

/// <summary>
/// Every text a page says through its localizer (<c>L["…"]</c>) and every refusal sentence a module registers has its French
/// in that project's resources: a page never shows English to a French reader because a text was forgotten.
/// </summary>
public sealed partial class PageTextTests
{
    [GeneratedRegex("""\bL\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex LocalizedText();

    public static IEnumerable<object[]> ProjectsWithPages() =>
        Directory.EnumerateFiles(Path.Combine(Modules.RepositoryRoot(), "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetDirectoryName)
            .Where(dir => Directory.EnumerateFiles(dir!, "*.razor", SearchOption.AllDirectories).Any(f => !IsBuildOutput(f)))
            .Select(dir => new object[] { Path.GetRelativePath(Modules.RepositoryRoot(), dir!) });

    [Theory]
    [MemberData(nameof(ProjectsWithPages))]
    public void Every_localized_text_of_a_page_has_its_French(string project)
    {
        var dir = Path.Combine(Modules.RepositoryRoot(), project);
        var french = FrenchTexts(dir);
        var missing = Sources(dir)
            .SelectMany(file => LocalizedText().Matches(File.ReadAllText(file)).Select(m => (file, text: Regex.Unescape(m.Groups[1].Value))))
            .Where(t => !french.ContainsKey(t.text))
            .Select(t => $"{Path.GetFileName(t.file)}: \"{t.text}\"")
            .Distinct()
            .ToList();
        Assert.True(missing.Count == 0, $"Texts without French in {project}/*.fr.resx (add them with scripts/text-fr):\n" + string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(Modules.Each), MemberType = typeof(Modules))]
    public void Every_refusal_sentence_a_module_registers_has_its_French(string module)
    {
        var add = Modules.Implementation(module).GetTypes()
            .Select(t => t.GetMethod($"Add{module}Module", BindingFlags.Public | BindingFlags.Static))
            .Single(m => m is not null)!;
        var services = new ServiceCollection();
        add.Invoke(null, [services]);
        var sets = services.Where(d => d.ServiceType == typeof(RefusalSentences)).Select(d => (RefusalSentences)d.ImplementationInstance!).ToList();
        Assert.All(sets, set => Assert.NotNull(set.Text));
        var missing = (
            from set in sets
            let french = FrenchTexts(ResourceFolder(set.Text!))
            from sentence in set.ByRule
            where !french.ContainsKey(sentence.Value)
            select $"{sentence.Key}: \"{sentence.Value}\"").ToList();
        Assert.True(missing.Count == 0, $"Refusal sentences of {module} without French:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void No_resource_file_holds_two_texts_that_differ_only_by_case()
    {
        // The resource compiler keeps one of them and drops the other's French with only a warning.
        var clashes = Directory.EnumerateFiles(Path.Combine(Modules.RepositoryRoot(), "src"), "*.fr.resx", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f))
            .SelectMany(f => XDocument.Load(f).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)
                .GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
                .Select(g => $"{Path.GetFileName(f)}: {string.Join(" / ", g)}"))
            .ToList();
        Assert.True(clashes.Count == 0, "Texts that differ only by case:\n" + string.Join("\n", clashes));
    }

    [Fact]
    public void A_text_missing_its_French_is_found()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(dir, "Page.razor"), """<p>@L["Translated"] @L["Forgotten", 3]</p>""");
        File.WriteAllText(Path.Combine(dir, "PageText.fr.resx"), """<root><data name="Translated"><value>Traduit</value></data></root>""");
        var french = FrenchTexts(dir);
        var used = LocalizedText().Matches(File.ReadAllText(Path.Combine(dir, "Page.razor"))).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["Translated", "Forgotten"], used);
        Assert.Equal(["Forgotten"], used.Where(t => !french.ContainsKey(t)));
    }

    private static Dictionary<string, string> FrenchTexts(string dir) =>
        Directory.EnumerateFiles(dir, "*.fr.resx", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f))
            .SelectMany(f => XDocument.Load(f).Root!.Elements("data"))
            .GroupBy(d => (string)d.Attribute("name")!)
            .ToDictionary(g => g.Key, g => (string?)g.First().Element("value") ?? "");

    private static IEnumerable<string> Sources(string dir) =>
        Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor") || f.EndsWith(".cs")) && !IsBuildOutput(f));

    private static string ResourceFolder(Type text) =>
        Path.GetDirectoryName(Directory.EnumerateFiles(Path.Combine(Modules.RepositoryRoot(), "src"), $"{text.Name}.fr.resx", SearchOption.AllDirectories)
            .Single(f => !IsBuildOutput(f)))!;

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") || path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}");
}
