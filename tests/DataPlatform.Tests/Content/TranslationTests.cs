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

    [GeneratedRegex("""\bt\["((?:[^"\\]|\\.)+)"\]""")]
    private static partial Regex CodeKey();

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
        Assert.Contains(("Enter your name.", Path.Combine("Submissions", "SubmissionForms.cs")), keys);

        var missing = keys.Where(k => !swedish.ContainsKey(k.Key)).Select(k => $"{k.File}: {k.Key}").Distinct().Order().ToList();
        Assert.Empty(missing);
        var empty = swedish.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key).Order().ToList();
        Assert.Empty(empty);
    }
}
