namespace DataPlatform.Content;

/// <summary>The small vocabulary of publication types the portal shows and filters by.</summary>
public static class PublicationTypes
{
    public const string JournalArticle = "journal-article";
    public const string Preprint = "preprint";
    public const string Review = "review";
    public const string Letter = "letter";
    public const string Editorial = "editorial";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [JournalArticle, Preprint, Review, Letter, Editorial, Other];

    /// <summary>Maps the export's spelling (<c>journal article</c>, <c>journal-article</c>, <c>posted-content</c>, …) to the vocabulary.</summary>
    public static string Normalize(string? raw)
    {
        var key = new string((raw ?? "").Trim().ToLowerInvariant().Select(c => char.IsLetter(c) ? c : ' ').ToArray());
        key = string.Join(' ', key.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return key switch
        {
            "journal article" or "article" or "research article" or "original article" => JournalArticle,
            "preprint" or "posted content" => Preprint,
            "review" or "systematic review" or "review article" or "meta analysis" => Review,
            "letter" or "correspondence" or "comment" => Letter,
            "editorial" => Editorial,
            _ => Other,
        };
    }
}
