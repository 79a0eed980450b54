namespace DataPlatform.Web.Publishing;

/// <summary>A branch of the content repository as the previews list shows it: its newest commit, who made it and when.</summary>
public sealed record PreviewBranch(string Name, string Commit, string Author, DateTimeOffset Date, string Subject);
