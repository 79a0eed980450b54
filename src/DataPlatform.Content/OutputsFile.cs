using System.Text.Json;

namespace DataPlatform.Content;

/// <summary>
/// Reads the research-output exports as they come (<c>publications.json</c>, <c>datasets.json</c>) into normalised
/// records, reporting what it had to mend or leave out with the file, line and record. Invalid JSON gives null
/// (the caller keeps what it had) and an error with the line.
/// </summary>
public static class OutputsFile
{
    public const string PublicationsFile = "data/publications.json";
    public const string DatasetsFile = "data/datasets.json";

    /// <summary>The records of the <c>publications</c> list; null when the file is not valid JSON or has no such list.</summary>
    public static List<Publication>? ReadPublications(byte[] json, string file, List<Diagnostic> diagnostics)
    {
        var publications = new List<Publication>();
        var pool = new Pool();
        var ok = ReadRecords(json, "publications", file, diagnostics, (record, index, line) =>
        {
            if (ReadPublication(record, index, line, file, pool, diagnostics) is { } publication)
            {
                publications.Add(publication);
            }
        });
        return ok ? publications : null;
    }

    /// <summary>The data items of the <c>datasets</c> list (one per available item of each paper); null when the file is unusable.</summary>
    public static List<DataItem>? ReadDatasets(byte[] json, string file, RepositoryVocabulary repositories, List<Diagnostic> diagnostics)
    {
        var items = new List<DataItem>();
        var ok = ReadRecords(json, "datasets", file, diagnostics, (record, index, line) =>
        {
            var doi = Doi.Normalize(Text(record, "doi"));
            var title = Text(record, "title");
            if (doi is null && title is null)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, "dataset-skipped", file, line, $"Paper {index + 1} has neither a DOI nor a title; it is left out."));
                return;
            }
            if (!record.TryGetProperty("available_items", out var available) || available.ValueKind != JsonValueKind.Array)
            {
                return;
            }
            foreach (var item in available.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                var written = Text(item, "repo_name") ?? "";
                var repository = repositories.Find(written);
                var name = repository?.Name ?? written;
                if (repository is null && written.Length > 0)
                {
                    var nearest = repositories.Nearest(written);
                    diagnostics.Add(new Diagnostic(Severity.Warning, "unknown-repository", file, line,
                        $"Paper {index + 1} ({doi ?? title}): the repository '{written}' is not in {RepositoryVocabulary.FileName}"
                        + (nearest is null ? "." : $"; did you mean '{nearest}'?")));
                }
                var accession = Text(item, "accession_number");
                var dataUrl = Text(item, "data_url");
                var dataItem = new DataItem
                {
                    PaperDoi = doi ?? "",
                    PaperTitle = title ?? doi!,
                    Published = PartialDate.Parse(Text(record, "published")),
                    Publisher = Text(record, "publisher"),
                    Kind = (Text(item, "type") ?? "data").ToLowerInvariant(),
                    Repository = name,
                    Accession = accession,
                    Description = Text(item, "description"),
                    DataTypes = Strings(item, "data_type").Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                    Url = repository?.EntryUrl(accession) ?? (IsHttp(dataUrl) ? dataUrl : repository?.Home),
                };
                if (name.Length == 0)
                {
                    diagnostics.Add(new Diagnostic(Severity.Warning, "dataset-repository", file, line,
                        $"Paper {index + 1} ({doi ?? title}): an item names no repository; it is listed as '{dataItem.Title}'."));
                }
                items.Add(dataItem);
            }
        });
        return ok ? items : null;
    }

    /// <summary>
    /// One copy of each name, journal and label across a file: the same authors, journals and labels recur in thousands
    /// of records, and 50,000 records held a copy each of every one.
    /// </summary>
    private sealed class Pool
    {
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Label?> _labels = new(StringComparer.Ordinal);

        public string? Text(string? text) => text is null ? null : _strings.TryGetValue(text, out var pooled) ? pooled : _strings[text] = text;

        public Label? Label(string key) => _labels.TryGetValue(key, out var label) ? label : _labels[key] = Content.Label.Parse(key);
    }

    private static Publication? ReadPublication(JsonElement record, int index, int line, string file, Pool pool, List<Diagnostic> diagnostics)
    {
        var iuid = Text(record, "iuid");
        var doi = Doi.Normalize(Text(record, "doi"));
        var pmid = Text(record, "pmid");
        var title = Text(record, "title");
        if (Text(record, "doi") is { } writtenDoi && doi is null)
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, "publication-doi", file, line, $"Record {index + 1} ({iuid ?? title}): '{writtenDoi}' is not a DOI; it is left out."));
        }
        var id = iuid ?? (doi is not null ? "doi-" + Slug.From(doi) : pmid is not null ? "pmid-" + Slug.From(pmid) : null);
        if (id is null || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            if (title is null || id is not null)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, "publication-skipped", file, line,
                    $"Record {index + 1} has {(id is null ? "neither a title nor any id (iuid, DOI, PubMed)" : $"an id that cannot be a URL ('{id}')")}; it is left out."));
                return null;
            }
            id = "record-" + (index + 1);
        }
        if (title is null)
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, "publication-title", file, line, $"Record {index + 1} ({id}) has no title."));
        }
        var labels = new List<Label>();
        if (record.TryGetProperty("labels", out var labelObject) && labelObject.ValueKind == JsonValueKind.Object)
        {
            labels.AddRange(labelObject.EnumerateObject().Select(p => pool.Label(p.Name)).OfType<Label>().DistinctBy(l => l.Key));
        }
        var xrefs = new List<CrossReference>();
        if (record.TryGetProperty("xrefs", out var xrefArray) && xrefArray.ValueKind == JsonValueKind.Array)
        {
            xrefs.AddRange(xrefArray.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object)
                .Select(x => (Db: Text(x, "db"), Key: Text(x, "key"), Description: Text(x, "description")))
                .Where(x => x.Db is not null && x.Key is not null)
                .Select(x => new CrossReference(pool.Text(x.Db)!, x.Key!, x.Description)));
        }
        var authors = new List<Author>();
        if (record.TryGetProperty("authors", out var authorArray) && authorArray.ValueKind == JsonValueKind.Array)
        {
            var position = 0;
            foreach (var a in authorArray.EnumerateArray())
            {
                position++;
                if (a.ValueKind != JsonValueKind.Object || Text(a, "family") is not { } family)
                {
                    continue;
                }
                var given = Text(a, "given");
                if (Author.IsPlaceholder(family, given))
                {
                    diagnostics.Add(new Diagnostic(Severity.Warning, "publication-author", file, line,
                        $"Record {index + 1} ({id}): author {position} is '{family}', a placeholder rather than a name; it is left out."));
                    continue;
                }
                authors.Add(new Author(pool.Text(family)!, pool.Text(given), pool.Text(Text(a, "initials")), Text(a, "orcid")));
            }
        }
        var originalType = Text(record, "type") ?? labels.FirstOrDefault(l => l.Group.Equals("Type", StringComparison.OrdinalIgnoreCase))?.Value;
        var publishedText = Text(record, "published");
        var published = PartialDate.Parse(publishedText);
        if (publishedText is not null && published is null)
        {
            diagnostics.Add(new Diagnostic(Severity.Warning, "publication-date", file, line, $"Record {index + 1} ({id}): '{publishedText}' is not a date like 2021-05-14 or 2021-05-00 between {PartialDate.MinimumYear} and {PartialDate.MaximumYear}; it is left out."));
        }
        Journal? journal = null;
        if (record.TryGetProperty("journal", out var j) && j.ValueKind == JsonValueKind.Object)
        {
            journal = new Journal(pool.Text(Text(j, "title")), pool.Text(Text(j, "issn")), pool.Text(Text(j, "volume")), pool.Text(Text(j, "issue")), Text(j, "pages"));
        }
        var publication = new Publication
        {
            Id = id.ToLowerInvariant(),
            Title = title ?? doi ?? id,
            Authors = authors,
            Type = PublicationTypes.Normalize(originalType),
            OriginalType = pool.Text(originalType),
            Published = published,
            Journal = journal,
            Abstract = Text(record, "abstract"),
            Language = Text(record, "language") is { Length: 2 } language && language.All(char.IsAsciiLetter) ? language.ToLowerInvariant() : "en",
            Doi = doi,
            Pmid = pmid is not null && pmid.All(char.IsAsciiDigit) ? pmid : null,
            Pmc = xrefs.FirstOrDefault(x => x.Db.Equals("pmc", StringComparison.OrdinalIgnoreCase))?.Key,
            Labels = labels,
            CrossReferences = xrefs,
            Source = $"{file}:{line}",
        };
        if (publication.IsMixedPreprint)
        {
            var version = publication.Journal!;
            diagnostics.Add(new Diagnostic(Severity.Warning, "publication-mixed-preprint", file, line,
                $"Record {index + 1} ({id}) is a preprint{(doi is null ? "" : $" (DOI {doi})")} with a journal's details ({string.Join(", ", new[] { version.Title, version.Volume is null ? null : "volume " + version.Volume, version.Issue is null ? null : "issue " + version.Issue, version.Pages is null ? null : "pages " + version.Pages }.OfType<string>())}); " +
                "it is shown as a preprint without them. Give the journal version a record of its own."));
        }
        return publication;
    }

    /// <summary>
    /// Walks the array <paramref name="property"/> of the top-level object (or the top-level array itself), one record
    /// at a time with the line it starts on, without holding a document of the whole file.
    /// </summary>
    private static bool ReadRecords(byte[] json, string property, string file, List<Diagnostic> diagnostics, Action<JsonElement, int, int> record)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var line = 1;
        var counted = 0;
        int LineAt(long offset)
        {
            line += json.AsSpan(counted, (int)offset - counted).Count((byte)'\n');
            counted = (int)offset;
            return line;
        }
        try
        {
            if (!reader.Read())
            {
                diagnostics.Add(new Diagnostic(Severity.Error, "outputs-syntax", file, 1, "The file is empty."));
                return false;
            }
            var found = reader.TokenType == JsonTokenType.StartArray;
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals(property))
                    {
                        reader.Read();
                        found = reader.TokenType == JsonTokenType.StartArray;
                        break;
                    }
                    reader.Read();
                    reader.Skip();
                }
            }
            if (!found)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, "outputs-syntax", file, LineAt(reader.TokenStartIndex),
                    $"The file must be an object with a '{property}' list (or a list); nothing in it is used."));
                return false;
            }
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = LineAt(reader.TokenStartIndex);
                using var element = JsonDocument.ParseValue(ref reader);
                if (element.RootElement.ValueKind == JsonValueKind.Object)
                {
                    try
                    {
                        record(element.RootElement, index, start);
                    }
                    catch (Exception e) when (e is not JsonException)
                    {
                        // One bad record upstream (a lone surrogate, a value of a kind nobody expected) costs that record, not the file.
                        diagnostics.Add(new Diagnostic(Severity.Warning, "outputs-record", file, start, $"Record {index + 1} cannot be read: {JsonProblems.Reason(e)}; it is left out."));
                    }
                }
                else
                {
                    diagnostics.Add(new Diagnostic(Severity.Warning, "outputs-record", file, start, $"Record {index + 1} is not an object; it is left out."));
                }
                index++;
            }
            return true;
        }
        catch (JsonException e)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, "outputs-syntax", file, (int)(e.LineNumber ?? 0) + 1,
                $"The file is not valid JSON ({e.Message.Split(" LineNumber", 2)[0]}); the previous data is kept."));
            return false;
        }
        catch (Exception e)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, "outputs-syntax", file, line, $"The file cannot be read ({JsonProblems.Reason(e)}); the previous data is kept."));
            return false;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            && (value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetString())?.Trim() is { Length: > 0 } text
            ? text : null;

    private static IEnumerable<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!),
                JsonValueKind.String => value.GetString()!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
                _ => [],
            }
            : [];

    private static bool IsHttp(string? url) => url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
