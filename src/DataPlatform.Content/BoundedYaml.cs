using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace DataPlatform.Content;

/// <summary>
/// The one way content YAML (front matter, data files, catalogues, notices, repositories) is read. YamlDotNet keeps an
/// alias as a reference to its anchor's node, so loading is cheap, but everything that turns the nodes into values
/// expands each alias again: 469 bytes of nested aliases ("billion laughs") are a billion values. Deep nesting
/// recurses once per level. So both are bounded while the events stream past, before any node is built, and a file
/// over a bound is a <see cref="YamlException"/> like any other mistake: left out and reported with its line.
/// </summary>
public static class BoundedYaml
{
    /// <summary>Values (scalars and collections) the document would have with every alias expanded.</summary>
    public const long MaximumExpandedValues = 1_000_000;

    /// <summary>Collections inside collections.</summary>
    public const int MaximumDepth = 100;

    /// <summary>Reads <paramref name="text"/>; throws <see cref="YamlException"/> for a mistake or a file over a bound.</summary>
    public static YamlStream Load(string text)
    {
        var stream = new YamlStream();
        stream.Load(new Guard(new Parser(new StringReader(text))));
        return stream;
    }

    /// <summary>Counts, per event, what the values would be when expanded, and stops at a bound.</summary>
    private sealed class Guard(IParser inner) : IParser
    {
        /// <summary>The expanded size of each collection being read, innermost last, with its anchor.</summary>
        private readonly Stack<(AnchorName Anchor, long Size)> _open = new();

        /// <summary>Expanded size of every anchored value seen so far (an alias costs what its anchor does).</summary>
        private readonly Dictionary<AnchorName, long> _anchored = [];

        private long _total;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }
            switch (inner.Current)
            {
                case MappingStart or SequenceStart:
                    if (_open.Count >= MaximumDepth)
                    {
                        throw Over(inner.Current, $"it nests more than {MaximumDepth} levels deep");
                    }
                    _open.Push((((NodeEvent)inner.Current).Anchor, 0));
                    break;
                case MappingEnd or SequenceEnd:
                    var (anchor, size) = _open.Pop();
                    Add(anchor, size + 1);
                    break;
                case Scalar scalar:
                    Add(scalar.Anchor, 1);
                    break;
                case AnchorAlias alias:
                    Add(AnchorName.Empty, _anchored.GetValueOrDefault(alias.Value, 1));
                    break;
                case DocumentEnd:
                    _anchored.Clear();
                    _total = 0;
                    break;
            }
            return true;
        }

        private void Add(AnchorName anchor, long size)
        {
            if (!anchor.IsEmpty)
            {
                _anchored[anchor] = size;
            }
            // A collection's size holds its values', so only what stands at the top is added to the document's total.
            long sum;
            if (_open.TryPop(out var parent))
            {
                sum = parent.Size + size;
                _open.Push((parent.Anchor, sum));
            }
            else
            {
                sum = _total += size;
            }
            if (sum > MaximumExpandedValues)
            {
                throw Over(inner.Current!, $"its aliases expand to more than {MaximumExpandedValues:N0} values");
            }
        }

        private static YamlException Over(ParsingEvent at, string what) => new(at.Start, at.End, $"The YAML is refused: {what}.");
    }
}
