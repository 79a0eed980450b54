using System.Text.Json;
using System.Text.RegularExpressions;
using DataPlatform.Content;
using DataPlatform.Tests.Infrastructure;
using Markdig;

namespace DataPlatform.Tests.Content;

/// <summary>The shortcuts a page's parse takes must give what the full parsers give.</summary>
public class SimpleYamlTests
{
    private static string Json(Dictionary<string, object?> values) => JsonSerializer.Serialize(values);

    [Theory]
    [InlineData("title: Hello\ntags: [a, b]\n", "{\"title\":\"Hello\",\"tags\":[\"a\",\"b\"]}")]
    [InlineData("title: \"Quoted: with a colon\"", "{\"title\":\"Quoted: with a colon\"}")]
    [InlineData("title: 'single # quoted'", "{\"title\":\"single # quoted\"}")]
    [InlineData("title: \"\"\nsummary: ''", "{\"title\":\"\",\"summary\":\"\"}")]
    [InlineData("title: ~\nsummary: null\nlead: \"null\"", "{\"title\":null,\"summary\":null,\"lead\":\"null\"}")]
    [InlineData("Title: first\ntitle: second", "{\"Title\":\"second\"}")]
    [InlineData("tags: []\nauthors: [Author 23, ~ ]", "{\"tags\":[],\"authors\":[\"Author 23\",null]}")]
    [InlineData("url: https://example.org/a#b\ndate: 2024-05-31T14:00:00+02:00", "{\"url\":\"https://example.org/a#b\",\"date\":\"2024-05-31T14:00:00\\u002B02:00\"}")]
    [InlineData("# a comment\n\ndescription: C# and F#, [brackets] inside  \n", "{\"description\":\"C# and F#, [brackets] inside\"}")]
    [InlineData(".NET_key-2: .NET  guide", null)]
    [InlineData("_key-2: .NET  guide", "{\"_key-2\":\".NET  guide\"}")]
    [InlineData("title: 'It''s'", null)]
    [InlineData("title: \"say \\\"hi\\\"\"", null)]
    [InlineData("title: A # comment", null)]
    [InlineData("menu:\n  main:\n    weight: 2", null)]
    [InlineData("aliases:\n- /old/", null)]
    [InlineData("summary: >\n  folded text", null)]
    [InlineData("title: &anchor x", null)]
    [InlineData("tags: [a, [b]]", null)]
    [InlineData("tags: [a, b,]", null)]
    [InlineData("tags: [a: b]", null)]
    [InlineData("title: \"open", null)]
    [InlineData("title:\tx", null)]
    [InlineData("title: {{ .Name }}", null)]
    [InlineData("title: - dash", null)]
    [InlineData("title: line\u2028separator", null)]
    [InlineData("title: carriage\rreturn", null)]
    public void Simple_front_matter_reads_as_YamlDotNet_reads_it_and_the_rest_is_left_to_YamlDotNet(string yaml, string? expected)
    {
        var simple = SimpleYaml.TryRead(yaml);

        Assert.Equal(expected, simple is null ? null : Json(simple));
        if (simple is not null)
        {
            Assert.Equal(Json(PageParser.ReadYaml(yaml)), Json(simple));
        }
    }

    [Theory]
    [InlineData("title: Foo: bar")]
    [InlineData("title: a\ntitle: b")]
    [InlineData("title: Note:")]
    public void Front_matter_YamlDotNet_refuses_is_not_read_simply_either(string yaml)
    {
        Assert.Null(SimpleYaml.TryRead(yaml));
        Assert.ThrowsAny<YamlDotNet.Core.YamlException>(() => PageParser.ReadYaml(yaml));
    }

    [Fact]
    public void Every_fixture_front_matter_read_simply_reads_as_YamlDotNet_reads_it()
    {
        var read = 0;
        var files = Directory.GetFiles(Fixtures.Path(""), "*.md", SearchOption.AllDirectories);
        foreach (var file in files)
        {
            var match = Regex.Match(File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal), "\\A---\n(.*?)\n---\n", RegexOptions.Singleline);
            if (!match.Success || SimpleYaml.TryRead(match.Groups[1].Value) is not { } simple)
            {
                continue;
            }
            Assert.True(Json(PageParser.ReadYaml(match.Groups[1].Value)) == Json(simple), file);
            read++;
        }
        // Most fixtures are read simply, so the comparison above covers the ordinary case broadly.
        Assert.True(read * 2 > files.Length, $"{read} of {files.Length} fixtures read simply");
    }

    [Theory]
    [InlineData("Genomics data for everyone")]
    [InlineData("Sequencing, imaging and proteomics: what we offer (2024)")]
    [InlineData("Öppna data för alla forskare i Sverige")]
    [InlineData("Genomics for *everyone*")]
    [InlineData("A [link](/x/) and `code`")]
    [InlineData("Two  spaces and a trailing one ")]
    [InlineData("1. starts like a list")]
    [InlineData("# starts like a heading")]
    [InlineData("Fish &amp; chips")]
    public void A_written_summary_is_the_text_Markdig_makes_of_it(string summary)
    {
        var markdig = Regex.Replace(Markdown.ToPlainText(summary, PageParser.Pipeline), "\\s+", " ").Trim();

        Assert.Equal(markdig, PageParser.PlainText(summary));
    }
}
