using System.Globalization;
using DataPlatform.Content;
using DataPlatform.Tests.Infrastructure;

namespace DataPlatform.Tests.Outputs;

/// <summary>Reading the research-output exports: every normalisation rule on a fixture, the real samples, and last-good on bad JSON.</summary>
public sealed class OutputsLoadTests
{
    private static ContentSnapshot Load(string root) => new ContentLoader(new ContentOptions { Root = root }).Load();

    private static readonly ContentSnapshot Fixture = Load(Fixtures.Path("outputs"));

    private static Publication Record(string id) => Fixture.Outputs.Find(id)!;

    [Theory]
    [InlineData(" https://doi.org/10.1000/ABC.123 ", "10.1000/abc.123")]
    [InlineData("http://dx.doi.org/10.1000/rev.1", "10.1000/rev.1")]
    [InlineData("doi:10.1000/XYZ.9", "10.1000/xyz.9")]
    [InlineData("DOI:10.5281/zenodo.42", "10.5281/zenodo.42")]
    [InlineData("10.1000/ok", "10.1000/ok")]
    [InlineData("not a doi", null)]
    [InlineData("10.1000", null)]
    [InlineData("", null)]
    public void Dois_are_stored_bare_and_lower_case(string written, string? expected)
    {
        Assert.Equal(expected, Doi.Normalize(written));
    }

    [Theory]
    [InlineData("2021-12-00", "2021-12", "December 2021", "december 2021")]
    [InlineData("2021-00-00", "2021", "2021", "2021")]
    [InlineData("2021-03-05", "2021-03-05", "5 March 2021", "5 mars 2021")]
    [InlineData("2021-05", "2021-05", "May 2021", "maj 2021")]
    [InlineData("2021-02-30", null, null, null)]
    [InlineData("2021-13-01", null, null, null)]
    [InlineData("yesterday", null, null, null)]
    public void Dates_keep_their_precision_in_both_languages(string written, string? iso, string? english, string? swedish)
    {
        var date = PartialDate.Parse(written);

        Assert.Equal(iso, date?.Iso);
        Assert.Equal(english, date?.Format(CultureInfo.GetCultureInfo("en")));
        Assert.Equal(swedish, date?.Format(CultureInfo.GetCultureInfo("sv")));
    }

    [Fact]
    public void Dates_sort_at_their_precision_and_count_in_their_year()
    {
        Assert.Equal(["aaa111", "bbb222", "ccc333", "fff666", "eee555"], Fixture.Outputs.Publications.Select(p => p.Id));
        Assert.Equal(2021, Record("bbb222").Published!.Value.Year);
    }

    [Theory]
    [InlineData("journal article", PublicationTypes.JournalArticle)]
    [InlineData("journal-article", PublicationTypes.JournalArticle)]
    [InlineData("Journal-Article", PublicationTypes.JournalArticle)]
    [InlineData("posted-content", PublicationTypes.Preprint)]
    [InlineData("systematic review", PublicationTypes.Review)]
    [InlineData("letter", PublicationTypes.Letter)]
    [InlineData("editorial", PublicationTypes.Editorial)]
    [InlineData("case reports", PublicationTypes.Other)]
    [InlineData(null, PublicationTypes.Other)]
    public void Types_map_to_a_small_vocabulary(string? written, string expected)
    {
        Assert.Equal(expected, PublicationTypes.Normalize(written));
    }

    [Fact]
    public void The_original_type_is_kept()
    {
        Assert.Equal(("other", "case reports"), (Record("fff666").Type, Record("fff666").OriginalType));
    }

    [Fact]
    public void Records_with_the_same_doi_or_id_are_merged_and_reported()
    {
        var first = Record("aaa111");

        Assert.Null(Fixture.Outputs.Find("ddd444"));
        Assert.Equal(["Category: Genomics", "Funder: VR", "Funder: Wallenberg"], first.Labels.Select(l => l.Key));
        Assert.Equal("Genomes of the winter flounder", first.Title);
        var duplicates = Fixture.Diagnostics.Where(d => d.Code == "publication-duplicate").ToList();
        Assert.Equal(2, duplicates.Count);
        Assert.Contains("has the same DOI as the record at data/publications.json:4", duplicates[0].Message, StringComparison.Ordinal);
        Assert.Contains("has the same id as the record at data/publications.json:4", duplicates[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_without_title_or_id_is_skipped_and_reported()
    {
        Assert.Equal(5, Fixture.Outputs.Publications.Count);
        var skipped = Assert.Single(Fixture.Diagnostics, d => d.Code == "publication-skipped");
        Assert.Equal(("data/publications.json", 51), (skipped.File, skipped.Line));
        Assert.Equal("Record 6 has neither a title nor any id (iuid, DOI, PubMed); it is left out.", skipped.Message);
    }

    [Fact]
    public void A_bad_doi_and_a_bad_date_are_reported_and_left_out()
    {
        Assert.Equal((null, null), (Record("eee555").Doi, Record("eee555").Published));
        Assert.Contains(Fixture.Diagnostics, d => d.Code == "publication-doi" && d.Message == "Record 7 (eee555): 'not a doi' is not a DOI; it is left out.");
        Assert.Contains(Fixture.Diagnostics, d => d.Code == "publication-date" && d.Message == "Record 7 (eee555): '2021-13-45' is not a date like 2021-05-14 or 2021-05-00 between 1600 and 2200; it is left out.");
    }

    [Fact]
    public void Repositories_are_matched_case_insensitively_and_unknown_ones_reported_with_the_nearest()
    {
        var items = Fixture.Outputs.DataItems;

        Assert.Equal(["European Nucleotide Archive", "Protien Data Bank", "Zenodo", ""], items.Select(i => i.Repository));
        Assert.Equal("https://www.ebi.ac.uk/ena/browser/view/ERR000001", items[0].Url);
        Assert.Equal("https://www.rcsb.org/structure/1ABC", items[1].Url);
        Assert.Equal("https://zenodo.org/records/42", items[2].Url);
        Assert.Null(items[3].Url);
        var unknown = Assert.Single(Fixture.Diagnostics, d => d.Code == "unknown-repository");
        Assert.Equal(("data/datasets.json", 4), (unknown.File, unknown.Line));
        Assert.Equal("Paper 1 (10.1000/abc.123): the repository 'Protien Data Bank' is not in data/repositories.yaml; did you mean 'Protein Data Bank'?", unknown.Message);
        Assert.Single(Fixture.Diagnostics, d => d.Code == "repositories-entry" && d.Message.StartsWith("'broken pattern': accession_url", StringComparison.Ordinal));
    }

    [Fact]
    public void Publications_link_to_data_from_cross_references_and_the_datasets_export()
    {
        var first = Record("aaa111");

        Assert.Equal("PMC100001", first.Pmc);
        Assert.Equal(
            ["European Nucleotide Archive PRJEB1234 https://www.ebi.ac.uk/ena/browser/view/PRJEB1234",
             "European Nucleotide Archive ERR000001 https://www.ebi.ac.uk/ena/browser/view/ERR000001",
             "Protien Data Bank 1ABC https://www.rcsb.org/structure/1ABC"],
            first.Data.Select(d => $"{d.Repository} {d.Accession} {d.Url}"));
        Assert.Equal(["aaa111", "aaa111", null, null], Fixture.Outputs.DataItems.Select(i => i.PublicationId));
        Assert.False(Record("bbb222").HasData);
    }

    [Fact]
    public void The_real_samples_load_with_every_record()
    {
        var snapshot = Load(Fixtures.Portal);

        Assert.Equal(300, snapshot.Outputs.Publications.Count);
        Assert.Equal(109, snapshot.Outputs.DataItems.Count);
        Assert.Equal(["Type", "Category", "Funder", "Research Area"], snapshot.Outputs.LabelGroups);
        Assert.DoesNotContain(snapshot.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(227, snapshot.Outputs.Publications.Count(p => p.Published?.Year == 2020));
        Assert.Equal(219, snapshot.Outputs.Publications.Count(p => p.Type == PublicationTypes.JournalArticle));
        Assert.Equal(["National Library of Medicine", "Protien Data Bank"],
            snapshot.Diagnostics.Where(d => d.Code == "unknown-repository").Select(d => d.Message.Split('\'')[1]).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Invalid_json_keeps_the_last_good_data_and_reports_the_line()
    {
        var root = Fixtures.Copy("outputs");
        var loader = new ContentLoader(new ContentOptions { Root = root });
        Assert.Equal(5, loader.Load().Outputs.Publications.Count);

        File.WriteAllText(Path.Combine(root, "data", "publications.json"), "{\n  \"publications\": [\n    {\"iuid\": \"x\",, }\n  ]\n}\n");
        File.SetLastWriteTimeUtc(Path.Combine(root, "data", "publications.json"), DateTime.UtcNow.AddSeconds(5));
        var broken = loader.Load();

        Assert.Equal(5, broken.Outputs.Publications.Count);
        var error = Assert.Single(broken.Diagnostics, d => d.Code == "outputs-syntax");
        Assert.Equal(("data/publications.json", 3, Severity.Error), (error.File, error.Line, error.Severity));
        Assert.EndsWith("the previous data is kept.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_export_reloads_like_all_content()
    {
        var root = Fixtures.Copy("outputs");
        using var store = new ContentStore(new ContentOptions { Root = root, ReloadDebounceMilliseconds = 50 });
        store.Start();
        Assert.Equal(5, store.Current.Outputs.Publications.Count);

        File.WriteAllText(Path.Combine(root, "data", "publications.json"), """{"publications": [{"iuid": "new1", "title": "Only this one", "published": "2024-00-00"}]}""");

        await Eventually.TrueAsync(() => store.Current.Outputs.Publications.Count == 1, "reloading the edited export");
        Assert.Equal("Only this one", store.Current.Outputs.Find("new1")!.Title);
    }
}
