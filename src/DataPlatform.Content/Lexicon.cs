using System.Runtime.CompilerServices;

namespace DataPlatform.Content;

/// <summary>
/// The words a site uses in one language, with how often, for "Did you mean …?" when a search finds nothing: the
/// nearest word (at most two edits: a letter missed, added, changed or two swapped) that the site has, the most
/// common one on a tie. Words are compared folded (<see cref="TextQuery"/>), and suggested as the site spells them.
/// Made once per snapshot and language, when first asked for.
/// </summary>
public sealed class Lexicon
{
    private static readonly ConditionalWeakTable<ContentSnapshot, Dictionary<string, Lexicon>> Made = new();

    /// <summary>Folded word → (the spelling most used for it, how often it occurs).</summary>
    private readonly Dictionary<string, (string Spelling, int Count)> _words;

    /// <summary>The folded words by their first letter: a typo is rarely in the first letter, and this keeps a lookup to a few thousand words.</summary>
    private readonly Dictionary<char, string[]> _byFirst;

    private Lexicon(Dictionary<string, (string Spelling, int Count)> words)
    {
        _words = words;
        _byFirst = words.Keys.GroupBy(w => w[0]).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>The lexicon of <paramref name="snapshot"/>'s pages in <paramref name="language"/>: titles, summaries, tags and text.</summary>
    public static Lexicon Of(ContentSnapshot snapshot, SiteLanguage language, Func<Page, string> text)
    {
        var byLanguage = Made.GetOrCreateValue(snapshot);
        lock (byLanguage)
        {
            if (!byLanguage.TryGetValue(language.Code, out var lexicon))
            {
                lexicon = byLanguage[language.Code] = Build(snapshot.Pages.Where(p => p.Language == language)
                    .SelectMany(p => new[] { p.Title, p.Summary, string.Join(' ', p.Meta.Tags), text(p) }));
            }
            return lexicon;
        }
    }

    public static Lexicon Build(IEnumerable<string?> texts)
    {
        var spellings = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            foreach (var original in Originals(text))
            {
                var folded = TextQuery.Fold(original);
                if (folded.Length < 3 || folded.Any(char.IsDigit))
                {
                    continue;
                }
                if (!spellings.TryGetValue(folded, out var forms))
                {
                    forms = spellings[folded] = new Dictionary<string, int>(StringComparer.Ordinal);
                }
                var lower = original.ToLowerInvariant();
                forms[lower] = forms.GetValueOrDefault(lower) + 1;
            }
        }
        return new Lexicon(spellings.ToDictionary(s => s.Key, s => (s.Value.MaxBy(f => f.Value).Key, s.Value.Values.Sum()), StringComparer.Ordinal));
    }

    /// <summary>The words of the text as written (runs of letters and digits).</summary>
    private static IEnumerable<string> Originals(string? text) =>
        string.IsNullOrEmpty(text) ? [] : TextQuery.Tokens(text).Select(range => text[range]);

    /// <summary>
    /// The query with each word the site does not have (not even as the start of a word) replaced by the nearest one it
    /// has; null when every word is known or no word has a near one.
    /// </summary>
    public string? Suggest(string query)
    {
        var changed = false;
        var words = Originals(query).Select(word =>
        {
            var folded = TextQuery.Fold(word);
            if (folded.Length < 4 || Known(folded) || Nearest(folded) is not { } nearest)
            {
                return word;
            }
            changed = true;
            return nearest;
        }).ToList();
        return changed ? string.Join(' ', words) : null;
    }

    private bool Known(string folded) =>
        _words.ContainsKey(folded) || (_byFirst.TryGetValue(folded[0], out var candidates) && candidates.Any(w => w.StartsWith(folded, StringComparison.Ordinal)));

    private string? Nearest(string folded)
    {
        if (!_byFirst.TryGetValue(folded[0], out var candidates))
        {
            return null;
        }
        var limit = folded.Length <= 5 ? 1 : 2;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestCount = 0;
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - folded.Length) > limit)
            {
                continue;
            }
            var distance = Distance(folded, candidate, limit);
            var count = _words[candidate].Count;
            if (distance <= limit && (distance < bestDistance || (distance == bestDistance && count > bestCount)))
            {
                (best, bestDistance, bestCount) = (candidate, distance, count);
            }
        }
        return best is null ? null : _words[best].Spelling;
    }

    /// <summary>Optimal string alignment distance (edits, adjacent swaps counting one), giving up past <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit = int.MaxValue - 1)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                }
                rowMinimum = Math.Min(rowMinimum, current[j]);
            }
            if (rowMinimum > limit)
            {
                return limit + 1;
            }
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }
}
