using System.Globalization;
using System.Text;

namespace DataPlatform.Bench;

/// <summary>
/// Writes a realistic content tree from a fixed seed: sections, pages with front matter, headings,
/// links, tables, images and shortcodes, half of them with a Swedish translation.
/// </summary>
public static class SyntheticContent
{
    private static readonly string[] Sections = ["highlights", "news", "events", "about", "services", "training", "resources", "guides"];
    public static readonly string[] Words = ("data genome protein sequencing cell imaging analysis research platform service infrastructure " +
        "sample cohort biobank clinical metadata repository archive sharing publication method pipeline workflow cluster storage " +
        "compute model structure expression variant microscopy proteomics metabolomics spatial single access licence").Split(' ');
    public static readonly string[] SwedishWords = ("data arvsmassa protein sekvensering cell avbildning analys forskning plattform tjänst " +
        "infrastruktur prov kohort biobank klinisk metadata arkiv delning publicering metod flöde kluster lagring beräkning modell").Split(' ');

    private static readonly string[] EnglishSyllables = ["ge", "no", "pro", "te", "in", "ma", "ri", "con", "cel", "lu", "bio", "da", "ta", "se", "quen", "phy", "lo", "gen", "ic", "al", "ver", "sa", "mo", "dul", "ar", "ex", "pres", "sion", "cy", "to"];
    private static readonly string[] SwedishSyllables = ["ge", "no", "pro", "te", "in", "ma", "ri", "för", "cel", "lu", "bio", "da", "ta", "se", "kven", "fy", "lo", "gen", "isk", "al", "vär", "sa", "mo", "dul", "ar", "ex", "pres", "sjon", "cy", "to"];
    private const int VocabularySize = 4000;

    /// <summary>
    /// Words in order of frequency, as in real text: a long tail of rare words (made of syllables) with the
    /// domain words spread over the common ranks. Pages draw from it with a Zipf distribution.
    /// </summary>
    public static IReadOnlyList<string> Vocabulary(string language)
    {
        var core = language == "sv" ? SwedishWords : Words;
        var syllables = language == "sv" ? SwedishSyllables : EnglishSyllables;
        var random = new Random(language == "sv" ? 2 : 1);
        var words = new List<string>(VocabularySize);
        var seen = new HashSet<string>(core);
        while (words.Count < VocabularySize - core.Length)
        {
            var word = string.Concat(Enumerable.Range(0, 2 + random.Next(3)).Select(_ => syllables[random.Next(syllables.Length)]));
            if (seen.Add(word))
            {
                words.Add(word);
            }
        }
        for (var i = 0; i < core.Length; i++)
        {
            words.Insert(Math.Min(words.Count, 3 + i * 23), core[i]);
        }
        return words;
    }

    private sealed class ZipfText(IReadOnlyList<string> vocabulary, Random random)
    {
        private readonly double[] _cumulative = Cumulative(vocabulary.Count);

        private static double[] Cumulative(int n)
        {
            var weights = Enumerable.Range(1, n).Select(rank => 1.0 / Math.Pow(rank, 1.07)).ToArray();
            var total = weights.Sum();
            var cumulative = new double[n];
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += weights[i] / total;
                cumulative[i] = sum;
            }
            return cumulative;
        }

        public string Next()
        {
            var index = Array.BinarySearch(_cumulative, random.NextDouble());
            return vocabulary[Math.Min(vocabulary.Count - 1, index < 0 ? ~index : index)];
        }
    }

    public static void Generate(string root, int pages, int seed = 42)
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
        var random = new Random(seed);
        var english = new ZipfText(Vocabulary("en"), random);
        var swedish = new ZipfText(Vocabulary("sv"), random);
        Directory.CreateDirectory(Path.Combine(root, "static", "img"));
        File.WriteAllText(Path.Combine(root, "static", "img", "banner.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>");
        File.WriteAllText(Path.Combine(root, "_index.md"), "---\ntitle: Synthetic home\n---\nHome.\n");
        File.WriteAllText(Path.Combine(root, "_index.sv.md"), "---\ntitle: Syntetisk start\n---\nStart.\n");
        foreach (var section in Sections)
        {
            Directory.CreateDirectory(Path.Combine(root, section));
            File.WriteAllText(Path.Combine(root, section, "_index.md"), $"---\ntitle: {section}\nmenu:\n  main:\n    weight: {Array.IndexOf(Sections, section) + 1}\n---\n");
            File.WriteAllText(Path.Combine(root, section, "_index.sv.md"), $"---\ntitle: {section} (sv)\nmenu:\n  main:\n    weight: {Array.IndexOf(Sections, section) + 1}\n---\n");
        }
        for (var i = 0; i < pages; i++)
        {
            var section = Sections[i % Sections.Length];
            var slug = $"page-{i:D5}";
            File.WriteAllText(Path.Combine(root, section, slug + ".md"), Page(random, i, section, english, "en", pages));
            if (i % 2 == 0)
            {
                File.WriteAllText(Path.Combine(root, section, slug + ".sv.md"), Page(random, i, section, swedish, "sv", pages));
            }
        }
    }

    public static string PagePath(string root, int index) =>
        Path.Combine(root, Sections[index % Sections.Length], $"page-{index:D5}.md");

    public static string PageUrl(int index) => $"/{Sections[index % Sections.Length]}/page-{index:D5}/";

    /// <summary>
    /// A wrk script asking for <see cref="PageUrl"/> of a page picked at random among <paramref name="pages"/>. With <paramref name="rendered"/> each request carries
    /// <see cref="HttpBenchmark.Uncached"/>, so the page cache neither answers nor keeps it: every answer is a render, at any size of site.
    /// </summary>
    public static string RandomPageScript(int pages, bool rendered = false) => $$"""
        local sections = { {{string.Join(", ", Sections.Select(s => $"\"{s}\""))}} }
        local n = 0
        math.randomseed(7)
        request = function()
          local i = math.random(0, {{pages - 1}})
          n = n + 1
          return wrk.format("GET", "/" .. sections[(i % {{Sections.Length}}) + 1] .. string.format("/page-%05d/", i){{(rendered ? $", {{ [\"Authorization\"] = \"{HttpBenchmark.Uncached}\" }}" : "")}})
        end
        """;

    private static string Page(Random random, int index, string section, ZipfText text, string language, int total)
    {
        string Sentence(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => text.Next()));
        var date = new DateTime(2020, 1, 1).AddDays(random.Next(2000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.Append("---\n");
        sb.Append("title: ").Append(char.ToUpperInvariant(Sentence(1)[0])).Append(Sentence(5)[1..]).Append(' ').Append(index).Append('\n');
        sb.Append("date: ").Append(date).Append('\n');
        sb.Append("summary: ").Append(Sentence(20)).Append('\n');
        sb.Append("tags: [").Append(text.Next()).Append(", ").Append(text.Next()).Append("]\n");
        sb.Append("authors: [Author ").Append(random.Next(50)).Append("]\n");
        if (section == "events")
        {
            sb.Append("start: ").Append(date).Append("T09:00\nend: ").Append(date).Append("T16:00\nlocation: Uppsala\nevent_type: workshop\n");
        }
        if (random.Next(10) == 0)
        {
            sb.Append("aliases: [/old/").Append(language).Append('/').Append(index).Append("/]\n");
        }
        sb.Append("---\n\n");
        for (var s = 0; s < 4; s++)
        {
            sb.Append("## ").Append(Sentence(3)).Append("\n\n");
            sb.Append(Sentence(60)).Append(" [related](").Append(PageUrl(random.Next(total))).Append(") ").Append(Sentence(30)).Append(".\n\n");
            if (s == 1)
            {
                sb.Append("| Dataset | Samples | Size |\n|---|---|---|\n");
                for (var r = 0; r < 4; r++)
                {
                    sb.Append("| ").Append(Sentence(2)).Append(" | ").Append(random.Next(1000)).Append(" | ").Append(random.Next(100)).Append(" GB |\n");
                }
                sb.Append('\n');
            }
            if (s == 2)
            {
                sb.Append("![").Append(Sentence(3)).Append("](/img/banner.svg)\n\n");
                sb.Append("{{< figure src=\"/img/banner.svg\" alt=\"").Append(Sentence(3)).Append("\" caption=\"").Append(Sentence(5)).Append("\" >}}\n\n");
            }
        }
        return sb.ToString();
    }
}
