using System.Text.RegularExpressions;

namespace DataPlatform.Content;

/// <summary>
/// A paragraph of an abstract, with the heading a structured abstract gives it ("BACKGROUND:", "METHODS:"). The export
/// separates paragraphs with line breaks and writes the headings in capitals at a paragraph's or a sentence's start.
/// </summary>
public sealed partial record AbstractSection(string? Heading, string Text)
{
    /// <summary>The paragraphs of <paramref name="text"/>, each structured heading starting a section of its own, in sentence case ("Background").</summary>
    public static IReadOnlyList<AbstractSection> Split(string? text)
    {
        var sections = new List<AbstractSection>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return sections;
        }
        // A heading on a line of its own heads the next paragraph.
        string? heading = null;
        foreach (var paragraph in Paragraph().Split(text.Trim()))
        {
            var start = 0;
            foreach (Match match in HeadingPattern().Matches(paragraph))
            {
                if (Words(paragraph[start..match.Index]) is { Length: > 0 } before)
                {
                    sections.Add(new AbstractSection(heading, before));
                }
                heading = SentenceCase(match.Groups[1].Value);
                start = match.Index + match.Length;
            }
            if (Words(paragraph[start..]) is { Length: > 0 } rest)
            {
                sections.Add(new AbstractSection(heading, rest));
                heading = null;
            }
        }
        if (heading is not null)
        {
            sections.Add(new AbstractSection(heading, ""));
        }
        return sections;
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string SentenceCase(string heading) => heading.Length == 0 ? heading : heading[0] + heading[1..].ToLowerInvariant();

    // A blank line, or a single line break: the export uses both between paragraphs.
    [GeneratedRegex(@"\s*(?:\r?\n)+\s*")]
    private static partial Regex Paragraph();

    // "BACKGROUND:", "MATERIALS AND METHODS:" at the start or after a sentence's end; at least four capitals, so "RNA:" and "COVID-19:" are not headings.
    [GeneratedRegex(@"(?<=^|[.!?]\s+)([A-Z]{4,}(?: (?:AND|[A-Z]{3,})){0,3})\s*:\s*", RegexOptions.CultureInvariant)]
    private static partial Regex HeadingPattern();
}
