using System.Text.RegularExpressions;
using System.Xml.Linq;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Content;

/// <summary>
/// Every text the portal looks up by a literal key has a Swedish entry. A missing one does not fail a page: the
/// localizer falls back to the English key, so a Swedish visitor would meet English in the middle of a Swedish
/// page and no other test would notice.
/// </summary>
public partial class TranslationTests
{
    private static readonly string Web = Path.Combine(Fixtures.RepositoryRoot, "src", "DataPlatform.Web");

    // Views look texts up through T (_ViewImports), controllers and services through t; the public forms'
    // validation messages come from their attributes. The staff pages are in English only.
    [GeneratedRegex("""\bT\["((?:[^"\\]|\\.)+)"\]""")]
    private static partial Regex ViewKey();

    [GeneratedRegex("""\bt(?:\[|\.In\([^,]+, )"((?:[^"\\]|\\.)+)"(?:\]|[,)])""")]
    private static partial Regex CodeKey();

    // The content library's own words: ContentWords.In(language, "…") and ContentWords.Format(language, "…", …), and
    // the chart kinds ChartText hands to it.
    [GeneratedRegex("""ContentWords\.(?:In|Format)\([^,]+, "((?:[^"\\]|\\.)+)"|=> (?:chart\.Stacked \? )?"([A-Z][a-z]+(?: [a-z]+)* chart)\x22""")]
    private static partial Regex ContentKey();

    [GeneratedRegex("(?:ErrorMessage|Display\\(Name|Description|Prompt) = \"((?:[^\"\\\\]|\\\\.)+)\"")]
    private static partial Regex AttributeKey();

    private static IEnumerable<(string Key, string File)> Keys()
    {
        foreach (var file in Directory.EnumerateFiles(Web, "*.*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Web, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
            {
                continue;
            }
            var text = File.ReadAllText(file);
            var patterns = Path.GetExtension(file) switch
            {
                ".cshtml" => [ViewKey()],
                ".cs" when relative.StartsWith("Staff", StringComparison.Ordinal) => [CodeKey()],
                ".cs" => new[] { CodeKey(), AttributeKey() },
                _ => [],
            };
            foreach (var match in patterns.SelectMany(p => p.Matches(text)))
            {
                yield return (Regex.Unescape(match.Groups[1].Value), relative);
            }
        }
    }

    [Fact]
    public void Every_literal_text_key_has_a_swedish_translation()
    {
        var swedish = XDocument.Load(Path.Combine(Web, "Localization", "SharedResource.sv.resx"))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
        var keys = Keys().ToList();

        // The scan finds the texts it should: one of each kind, so a change of syntax cannot make it find none.
        Assert.Contains(("Page not found", Path.Combine("Site", "StatusController.cs")), keys);
        Assert.Contains(keys, k => k.File.EndsWith(".cshtml", StringComparison.Ordinal));
        Assert.Contains(("Enter your name.", Path.Combine("Submissions", "SubmissionForm.cs")), keys);
        Assert.Contains(("Your message", Path.Combine("Submissions", "ReplyComposer.cs")), keys);

        var missing = keys.Where(k => !swedish.ContainsKey(k.Key)).Select(k => $"{k.File}: {k.Key}").Distinct().Order().ToList();
        Assert.Empty(missing);
        var empty = swedish.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key).Order().ToList();
        Assert.Empty(empty);
    }

    [Fact]
    public void Every_word_the_content_library_writes_has_its_swedish_with_the_same_placeholders()
    {
        var content = Path.Combine(Fixtures.RepositoryRoot, "src", "DataPlatform.Content");
        var keys = Directory.EnumerateFiles(content, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => ContentKey().Matches(File.ReadAllText(f)))
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .Distinct().Order().ToList();

        // The scan finds what it should: a chart kind from the switch, and a sentence with placeholders.
        Assert.Contains("Stacked bar chart", keys);
        Assert.Contains("Link to the section {0}", keys);
        Assert.DoesNotContain(keys, k => !DataPlatform.Content.ContentWords.Swedish.ContainsKey(k));
        foreach (var (english, swedish) in DataPlatform.Content.ContentWords.Swedish)
        {
            Assert.Equal(Placeholders().Matches(english).Select(m => m.Value).Order(), Placeholders().Matches(swedish).Select(m => m.Value).Order());
        }
    }

    [GeneratedRegex("""\{\d+(?::[^}]*)?\}""")]
    private static partial Regex Placeholders();
}
